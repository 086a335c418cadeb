import { z } from "zod";

import { BATCH_STATUSES } from "../batch/batch-status";

/** The room of master-sync progress events. */
export const MASTER_SYNC_ROOM = "master-sync";

/** What the progress service sends to clients (seed 000's WebSocket payload). */
export const progressEventSchema = z.object({
  batch_id: z.string(),
  status: z.enum(BATCH_STATUSES),
  unit: z.enum(["symbols", "dates", "companies"]),
  progress: z.object({
    total: z.number().int().nonnegative(),
    processed: z.number().int().nonnegative(),
    successful: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    percentage: z.number().min(0).max(100),
  }),
  current_processing: z.array(z.string()),
  estimated_completion: z.string().nullable(),
  throughput: z.object({
    stocks_per_minute: z.number().nonnegative(),
    records_per_minute: z.number().nonnegative(),
  }),
  emitted_at: z.string(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
