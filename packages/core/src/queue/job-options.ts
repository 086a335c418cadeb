import type { JobsOptions } from "bullmq";

import type { JobItem, JobKey } from "./job-payloads";
import { JOB, PRICE_QUEUE, QUEUE, type QueueName } from "./queue-names";

/** Name of the custom backoff strategy workers register (exponential with full jitter). */
export const JITTERED_BACKOFF = "exponential-jitter";

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

/**
 * Exponential backoff with full jitter: a random wait in [0, 1 s·2^(attempt−1)], capped at a minute,
 * so a fleet of workers that failed together does not retry together.
 */
export function jitteredBackoffDelay(attemptsMade: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(random() * ceiling);
}

const PRICE_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: JITTERED_BACKOFF },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Default options of each queue's jobs. */
const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUE.PRICE_FETCH]: PRICE_JOB_OPTIONS,
  [QUEUE.JQUANTS_FETCH]: PRICE_JOB_OPTIONS,
  [QUEUE.MASTER_SYNC]: {
    attempts: 1,
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [QUEUE.QUALITY]: {
    attempts: 3,
    backoff: { type: JITTERED_BACKOFF },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};

/** The queue a job goes to: price units to their provider's queue. */
export function queueOf(item: JobKey): QueueName {
  switch (item.name) {
    case JOB.FETCH_PRICES:
      return PRICE_QUEUE[item.data.provider];
    case JOB.SYNC_MASTER:
      return QUEUE.MASTER_SYNC;
    case JOB.CHECK_QUALITY:
      return QUEUE.QUALITY;
  }
}

function jobIdParts(item: JobKey): readonly (string | number)[] {
  switch (item.name) {
    case JOB.FETCH_PRICES:
      return [item.data.batchId, item.data.unit];
    case JOB.SYNC_MASTER:
      return ["master-sync", item.data.runId];
    case JOB.CHECK_QUALITY:
      return ["quality", item.data.checkId];
  }
}

/**
 * Deterministic, colon-free job id (BullMQ rejects `:` in custom ids), derived from what the job
 * is, so a retry or a second enqueue of the same unit never duplicates work.
 */
export function jobIdOf(item: JobKey): string {
  return jobIdParts(item)
    .map((part) => String(part).replace(/[:\s]/g, "_"))
    .join("-");
}

/** Everything BullMQ needs to add `item`: its queue's default options and its id. */
export function jobOptionsOf(item: JobItem): JobsOptions & { jobId: string } {
  return { ...DEFAULT_JOB_OPTIONS[queueOf(item)], jobId: jobIdOf(item) };
}
