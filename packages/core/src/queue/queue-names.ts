/** Every BullMQ queue Kabuto uses. No queue name is written anywhere else. */
export const QUEUE = {
  /** Yahoo price fetches: one job per (batch, symbol). */
  PRICE_FETCH: "price-fetch",
  /** J-Quants price fetches: one job per (batch, trading date), the whole market each; its own queue so a 429 holds only J-Quants. */
  JQUANTS_FETCH: "jquants-fetch",
  /** Listed-company master syncs; one at a time. */
  MASTER_SYNC: "master-sync",
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** Job names within the queues. */
export const JOB = {
  FETCH_SYMBOL: "fetch-symbol",
  FETCH_DATE: "fetch-date",
  SYNC_MASTER: "sync-master",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** The queue each job name is added to. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JOB.FETCH_SYMBOL]: QUEUE.PRICE_FETCH,
  [JOB.FETCH_DATE]: QUEUE.JQUANTS_FETCH,
  [JOB.SYNC_MASTER]: QUEUE.MASTER_SYNC,
};

/** Redis pub/sub channels. */
export const CHANNEL = {
  /** Every progress event of every batch and master sync, published once by its one publisher. */
  PROGRESS: "kabuto.progress",
  /** A schedule row changed (message: its job name); schedulers reload it without a restart. */
  SCHEDULE_CHANGED: "kabuto.schedule-changed",
} as const;
