import type { JobsOptions } from "bullmq";

import { QUEUE, type QueueName } from "./queue-names";

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

/** Default options of each queue's jobs. */
export const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUE.PRICE_FETCH]: {
    attempts: 6,
    backoff: { type: JITTERED_BACKOFF },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  [QUEUE.JQUANTS_FETCH]: {
    attempts: 6,
    backoff: { type: JITTERED_BACKOFF },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  [QUEUE.MASTER_SYNC]: {
    attempts: 1,
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};
