import type { JobsOptions } from "bullmq";

import type { JobItem, JobKey, JobPriority } from "./job-payloads";
import { JOB, PRICE_QUEUE, QUEUE, type QueueName } from "./queue-names";

/** Name of the custom backoff strategy workers register (exponential with full jitter). */
export const JITTERED_BACKOFF = "exponential-jitter";

/** Name of the backoff strategy of scheduled master syncs: the fixed waits of SCHEDULED_SYNC_RETRY_DELAYS_MS. */
export const SCHEDULED_SYNC_BACKOFF = "scheduled-sync";

/** A scheduled sync's waits before its three retries: all within the hour after its first failure. */
export const SCHEDULED_SYNC_RETRY_DELAYS_MS = [5, 15, 30].map((minutes) => minutes * 60_000);

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

/** The wait before the next attempt under a custom backoff strategy (`type`); 0 for an unknown one. */
export function backoffDelayOf(attemptsMade: number, type: string | undefined): number {
  if (type === JITTERED_BACKOFF) return jitteredBackoffDelay(attemptsMade);
  if (type === SCHEDULED_SYNC_BACKOFF) {
    return SCHEDULED_SYNC_RETRY_DELAYS_MS[Math.min(attemptsMade, SCHEDULED_SYNC_RETRY_DELAYS_MS.length) - 1] ?? 0;
  }
  return 0;
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
  [QUEUE.DATASET]: {
    attempts: 2,
    backoff: { type: JITTERED_BACKOFF },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};

/**
 * A scheduled master sync that fails is tried again, since nobody is watching for it; a manual
 * one fails at once and its person decides.
 */
const SCHEDULED_SYNC_OPTIONS: JobsOptions = {
  ...DEFAULT_JOB_OPTIONS[QUEUE.MASTER_SYNC],
  attempts: SCHEDULED_SYNC_RETRY_DELAYS_MS.length + 1,
  backoff: { type: SCHEDULED_SYNC_BACKOFF },
};

/**
 * BullMQ serves a lower number first, FIFO within one; a job without a priority would go before
 * every prioritised one, so price jobs always carry theirs.
 */
export const BULLMQ_PRIORITY: Readonly<Record<JobPriority, number>> = { interactive: 1, daily: 2, backfill: 3 };

function priorityOf(item: JobItem): JobsOptions {
  if (item.name !== JOB.FETCH_PRICES && item.name !== JOB.FETCH_MARKET_SERIES) return {};
  return item.data.priority ? { priority: BULLMQ_PRIORITY[item.data.priority] } : {};
}

/** The queue a job goes to: price units to their provider's queue, TOPIX and investor types to J-Quants'. */
export function queueOf(item: JobKey): QueueName {
  switch (item.name) {
    case JOB.FETCH_PRICES:
      return PRICE_QUEUE[item.data.provider];
    case JOB.FETCH_MARKET_SERIES:
      return QUEUE.JQUANTS_FETCH;
    case JOB.SYNC_MASTER:
      return QUEUE.MASTER_SYNC;
    case JOB.CHECK_QUALITY:
      return QUEUE.QUALITY;
    case JOB.BUILD_DATASET:
      return QUEUE.DATASET;
  }
}

function idParts(item: JobKey): readonly (string | number)[] {
  switch (item.name) {
    case JOB.FETCH_PRICES:
      return [item.data.batchId, item.data.unit];
    case JOB.FETCH_MARKET_SERIES:
      return [item.data.batchId, "market-series"];
    case JOB.SYNC_MASTER:
      return ["master-sync", item.data.runId];
    case JOB.CHECK_QUALITY:
      return ["quality", item.data.checkId];
    case JOB.BUILD_DATASET:
      return ["dataset", item.data.datasetId];
  }
}

/**
 * Deterministic, colon-free job id (BullMQ rejects `:` in custom ids), derived from what the job
 * is, so a retry or a second enqueue of the same unit never duplicates work.
 */
export function jobIdOf(item: JobKey): string {
  return idParts(item)
    .map((part) => String(part).replace(/[:\s]/g, "_"))
    .join("-");
}

/**
 * Everything BullMQ needs to add `item`: its queue's default options (a scheduled sync's own), its
 * priority and its id.
 */
export function jobOptionsOf(item: JobItem): JobsOptions & { jobId: string } {
  const scheduledSync = item.name === JOB.SYNC_MASTER && item.data.trigger === "scheduled";
  return {
    ...(scheduledSync ? SCHEDULED_SYNC_OPTIONS : DEFAULT_JOB_OPTIONS[queueOf(item)]),
    ...priorityOf(item),
    jobId: jobIdOf(item),
  };
}
