import { z } from "zod";

import { MASTER_SOURCES, PRICE_PROVIDERS as PROVIDERS, type MasterSource, type PriceProvider } from "@kabuto/contract";

import { JOB } from "./queue-names";

export { MASTER_SOURCES, PROVIDERS, type MasterSource };
export type Provider = PriceProvider;

/**
 * How urgent a batch's jobs are, most urgent first: a small batch someone asked for, the daily
 * update, a backfill. Each is a BullMQ priority (see jobOptionsOf).
 */
export const JOB_PRIORITIES = ["interactive", "daily", "backfill"] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One unit of a price batch: a symbol for Yahoo ("7203.T"), a trading date or a month's bulk
 * file ("2024-05") for J-Quants.
 */
export const fetchPricesPayloadSchema = z.object({
  batchId: z.string().min(1),
  provider: z.enum(PROVIDERS),
  unit: z.string().min(1),
  interval: z.string().min(1),
  period: z.string().min(1).optional(),
  /** The batch's dates (both included), in place of `period`. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Fetch a symbol unit from its last stored bar on (looked up when the job runs); `period` when it has none. */
  incremental: z.boolean().optional(),
  priority: z.enum(JOB_PRIORITIES).optional(),
});
export type FetchPricesPayload = z.infer<typeof fetchPricesPayloadSchema>;

/** TOPIX and investor types from `from` to `to` (YYYY-MM-DD, inclusive): the dates of a J-Quants batch. */
export const fetchMarketSeriesPayloadSchema = z.object({
  batchId: z.string().min(1),
  from: isoDate,
  to: isoDate,
  priority: z.enum(JOB_PRIORITIES).optional(),
});
export type FetchMarketSeriesPayload = z.infer<typeof fetchMarketSeriesPayloadSchema>;

/** Sync the listed-company master from one source. */
export const syncMasterPayloadSchema = z.object({
  runId: z.number().int().positive(),
  trigger: z.enum(["manual", "scheduled"]),
  source: z.enum(MASTER_SOURCES),
  /** Apply a listing even when it would deactivate more than 10 % of the active companies. */
  force: z.boolean().optional(),
});
export type SyncMasterPayload = z.infer<typeof syncMasterPayloadSchema>;

/** Run the quality checks of one check run: a batch's (its id is the batch's) or an on-demand one. */
export const checkQualityPayloadSchema = z.object({ checkId: z.string().min(1).max(64) });
export type CheckQualityPayload = z.infer<typeof checkQualityPayloadSchema>;

/** Build one dataset (its request is stored in dataset_exports). */
export const buildDatasetPayloadSchema = z.object({ datasetId: z.string().min(1).max(64) });
export type BuildDatasetPayload = z.infer<typeof buildDatasetPayloadSchema>;

/** Payload schema of every job name: a worker refuses to start when a name has no handler. */
export const JOB_PAYLOAD_SCHEMAS = {
  [JOB.FETCH_PRICES]: fetchPricesPayloadSchema,
  [JOB.FETCH_MARKET_SERIES]: fetchMarketSeriesPayloadSchema,
  [JOB.SYNC_MASTER]: syncMasterPayloadSchema,
  [JOB.CHECK_QUALITY]: checkQualityPayloadSchema,
  [JOB.BUILD_DATASET]: buildDatasetPayloadSchema,
} as const;

export type JobPayloadOf<Name extends keyof typeof JOB_PAYLOAD_SCHEMAS> = z.infer<(typeof JOB_PAYLOAD_SCHEMAS)[Name]>;

/** One job to enqueue, as a discriminated union: its name says what its data is. */
export type JobItem = {
  [Name in keyof typeof JOB_PAYLOAD_SCHEMAS]: { name: Name; data: JobPayloadOf<Name> };
}[keyof typeof JOB_PAYLOAD_SCHEMAS];

/** What identifies a job: enough of its item to derive its id. */
export type JobKey =
  | { name: typeof JOB.FETCH_PRICES; data: Pick<FetchPricesPayload, "batchId" | "unit" | "provider"> }
  | { name: typeof JOB.FETCH_MARKET_SERIES; data: Pick<FetchMarketSeriesPayload, "batchId"> }
  | { name: typeof JOB.SYNC_MASTER; data: Pick<SyncMasterPayload, "runId"> }
  | { name: typeof JOB.CHECK_QUALITY; data: CheckQualityPayload }
  | { name: typeof JOB.BUILD_DATASET; data: BuildDatasetPayload };
