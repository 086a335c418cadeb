import type { Provider } from "./job-payloads";

/** Every BullMQ queue Kabuto uses. No queue name is written anywhere else. */
export const QUEUE = {
  /** Yahoo price fetches: one job per (batch, symbol). */
  PRICE_FETCH: "price-fetch",
  /**
   * J-Quants fetches: one job per (batch, trading date), the whole market each, and one per batch for
   * TOPIX and investor types; its own queue so a 429 holds only J-Quants.
   */
  JQUANTS_FETCH: "jquants-fetch",
  /** Listed-company master syncs; one at a time. */
  MASTER_SYNC: "master-sync",
  /** Quality checks over stored bars: one job per check run (after each price batch, or on demand). */
  QUALITY: "quality",
  /** ML dataset builds: one job per dataset. */
  DATASET: "dataset",
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** Every queue, for the processes that open them all. */
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUE);

/** The queue of each provider's price jobs: a provider's rate limit holds only its own queue. */
export const PRICE_QUEUE: Record<Provider, QueueName> = {
  yahoo: QUEUE.PRICE_FETCH,
  jquants: QUEUE.JQUANTS_FETCH,
};

/** Job names within the queues. */
export const JOB = {
  /** One unit of a price batch: a symbol (Yahoo) or a trading date (J-Quants). */
  FETCH_PRICES: "fetch-prices",
  /** TOPIX and investor types over a J-Quants price batch's dates, once per batch. */
  FETCH_MARKET_SERIES: "fetch-market-series",
  SYNC_MASTER: "sync-master",
  /** One run of the quality checks; its scope is stored with the run. */
  CHECK_QUALITY: "check-quality",
  /** One ML dataset build; its request is stored with the dataset. */
  BUILD_DATASET: "build-dataset",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** Redis pub/sub channels. */
export const CHANNEL = {
  /** Every progress event of every batch and master sync, published once by its one publisher. */
  PROGRESS: "kabuto.progress",
  /** A schedule row changed (message: its job name); schedulers reload it without a restart. */
  SCHEDULE_CHANGED: "kabuto.schedule-changed",
} as const;
