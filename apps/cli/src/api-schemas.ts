import { z } from "zod";

import { BATCH_STATUSES } from "./progress-event";

/** The gateway's error body. */
export const apiErrorBodySchema = z.object({ success: z.literal(false), error: z.string(), message: z.string() });

export const bulkJobSchema = z.object({
  id: z.string(),
  status: z.enum(BATCH_STATUSES),
  provider: z.string(),
  interval: z.string(),
  period: z.string().nullable(),
  unit: z.enum(["symbols", "dates", "companies"]),
  progress: z.object({
    total: z.number(),
    processed: z.number(),
    successful: z.number(),
    failed: z.number(),
    progress_percentage: z.number(),
  }),
  summary: z
    .object({
      total_symbols: z.number(),
      successful: z.number(),
      failed: z.number(),
      records: z.number(),
      duration_seconds: z.number(),
      failures_by_class: z.record(z.string(), z.number()),
    })
    .optional(),
  error: z.string().optional(),
  created_at: z.number(),
  updated_at: z.number(),
});
export type BulkJob = z.infer<typeof bulkJobSchema>;

export const bulkStartResponseSchema = z.object({ success: z.literal(true), job_id: z.string() });
export const bulkJobResponseSchema = z.object({ success: z.literal(true), job: bulkJobSchema });
export const bulkActionResponseSchema = z.object({ success: z.literal(true), message: z.string(), job: bulkJobSchema });
export const bulkJobsResponseSchema = z.object({
  success: z.literal(true),
  jobs: z.array(bulkJobSchema),
  total: z.number(),
});

export const syncRunSchema = z.object({
  id: z.number(),
  trigger: z.string(),
  source: z.string(),
  status: z.enum(["queued", "running", "completed", "failed"]),
  total: z.number(),
  added: z.number(),
  updated: z.number(),
  removed: z.number(),
  error: z.string().nullable(),
  duration_seconds: z.number().nullable(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const syncStartResponseSchema = z.object({ success: z.literal(true), run: syncRunSchema });
export const syncStatusResponseSchema = z.object({
  success: z.literal(true),
  current: syncRunSchema.nullable(),
  active_companies: z.number(),
  history: z.array(syncRunSchema),
});
export type SyncStatus = z.infer<typeof syncStatusResponseSchema>;
