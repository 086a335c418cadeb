import { z } from "zod";

/** A bulk job's statuses (the `batch_status` enum of PostgreSQL). */
export const BATCH_STATUSES = [
  "queued",
  "running",
  "paused",
  "cancel_requested",
  "cancelled",
  "completed",
  "failed",
] as const;
/** A bulk job's status. */
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** The statuses of one unit (symbol or trading date) of a job (`detail_status`). */
export const DETAIL_STATUSES = ["pending", "processing", "completed", "failed", "cancelled"] as const;
/** A unit's status. */
export type DetailStatus = (typeof DETAIL_STATUSES)[number];

/** A master sync run's statuses (`run_status`); a scheduled run records the same ones. */
export const MASTER_SYNC_STATUSES = ["queued", "running", "completed", "failed"] as const;
/** A master sync run's status. */
export type MasterSyncStatus = (typeof MASTER_SYNC_STATUSES)[number];

/** What a job counts: symbols (Yahoo) or trading dates (J-Quants). */
export const BATCH_UNITS = ["symbols", "dates"] as const;
/** A job's unit. */
export type BatchUnit = (typeof BATCH_UNITS)[number];

/** How a failed unit failed (`error_class`). */
export const ERROR_CLASSES = ["temporary", "permanent", "system"] as const;
/** A failure's class. */
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** Where the listed-company master comes from. */
export const MASTER_SOURCES = ["jpx", "jquants"] as const;
/** A master source. */
export type MasterSource = (typeof MASTER_SOURCES)[number];

/** Where prices come from. */
export const PRICE_PROVIDERS = ["yahoo", "jquants"] as const;
/** A price provider. */
export type PriceProvider = (typeof PRICE_PROVIDERS)[number];

/** `batch_status` as a schema. */
export const batchStatusSchema = z.enum(BATCH_STATUSES);
/** `detail_status` as a schema. */
export const detailStatusSchema = z.enum(DETAIL_STATUSES);
/** `run_status` as a schema. */
export const masterSyncStatusSchema = z.enum(MASTER_SYNC_STATUSES);
