import { z } from "zod";

import { JOB } from "./queue-names";

export const PROVIDERS = ["yahoo", "jquants"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const MASTER_SOURCES = ["jpx", "jquants"] as const;
export type MasterSource = (typeof MASTER_SOURCES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

/** Yahoo: fetch one symbol's bars for a batch. */
export const fetchSymbolPayloadSchema = z.object({
  batchId: z.string().min(1),
  symbol: z.string().min(1),
  provider: z.literal("yahoo"),
  interval: z.string().min(1),
  period: z.string().min(1).optional(),
});
export type FetchSymbolPayload = z.infer<typeof fetchSymbolPayloadSchema>;

/** J-Quants: fetch the whole market for one trading date, keep the batch's symbols. */
export const fetchDatePayloadSchema = z.object({
  batchId: z.string().min(1),
  date: isoDate,
  provider: z.literal("jquants"),
});
export type FetchDatePayload = z.infer<typeof fetchDatePayloadSchema>;

/** Sync the listed-company master from one source. */
export const syncMasterPayloadSchema = z.object({
  runId: z.number().int().positive(),
  trigger: z.enum(["manual", "scheduled"]),
  source: z.enum(MASTER_SOURCES),
});
export type SyncMasterPayload = z.infer<typeof syncMasterPayloadSchema>;

/** Payload schema of every job name: a worker refuses to start when a name has no handler. */
export const JOB_PAYLOAD_SCHEMAS = {
  [JOB.FETCH_SYMBOL]: fetchSymbolPayloadSchema,
  [JOB.FETCH_DATE]: fetchDatePayloadSchema,
  [JOB.SYNC_MASTER]: syncMasterPayloadSchema,
} as const;

export type JobPayloadOf<Name extends keyof typeof JOB_PAYLOAD_SCHEMAS> = z.infer<(typeof JOB_PAYLOAD_SCHEMAS)[Name]>;
