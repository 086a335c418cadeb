import { z } from "zod";

import { count, pageLimit } from "./page.schema";
import { MASTER_SOURCES, masterSyncStatusSchema } from "./status.schema";

/** `POST /api/v1/companies/sync`'s body (optional). */
export const syncBodySchema = z
  .strictObject({
    source: z.enum(MASTER_SOURCES).default("jpx"),
    force: z
      .boolean()
      .optional()
      .meta({ description: "apply a listing that would deactivate more than 10 % of the active companies" }),
  })
  .default({ source: "jpx" });

/** `GET /api/v1/companies/sync/status`' query. */
export const syncHistoryQuerySchema = z.object({ limit: pageLimit(100, 10) });

/** One master sync run. */
export const syncRunSchema = z
  .object({
    id: z.number().int(),
    trigger: z.enum(["manual", "scheduled"]),
    source: z.enum(MASTER_SOURCES),
    status: masterSyncStatusSchema,
    total: count,
    added: count,
    updated: count,
    removed: count,
    error: z.string().nullable(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
    duration_seconds: z.number().nullable(),
  })
  .meta({ id: "SyncRun" });
/** One master sync run. */
export type SyncRun = z.infer<typeof syncRunSchema>;

/** `POST /api/v1/companies/sync` → 202. */
export const syncStartResponseSchema = z.object({ success: z.literal(true), run: syncRunSchema });

/** `GET /api/v1/companies/sync/status`. */
export const syncStatusResponseSchema = z.object({
  success: z.literal(true),
  current: syncRunSchema.nullable().meta({ description: "the run queued or running, if any" }),
  last: syncRunSchema.nullable().meta({ description: "the last run that completed or failed" }),
  active_companies: count,
  history: z.array(syncRunSchema),
});
/** The sync status answer. */
export type SyncStatus = z.infer<typeof syncStatusResponseSchema>;

/** A wall-clock time of day, "HH:MM" (24 h). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A schedule's `time`: HH:MM in Asia/Tokyo. */
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, "time は HH:MM (00:00〜23:59) で指定してください");

/** `PUT /api/v1/companies/schedule`'s body. */
export const scheduleBodySchema = z
  .strictObject({
    time: timeOfDaySchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => body.time !== undefined || body.enabled !== undefined, "time か enabled を指定してください");

/** The daily master-sync schedule. */
export const scheduleSchema = z
  .object({
    job_name: z.string(),
    enabled: z.boolean(),
    time: z.string().meta({ description: "HH:MM in `timezone`" }),
    timezone: z.string(),
    last_run_at: z.string().nullable(),
    last_status: masterSyncStatusSchema.nullable(),
    last_count: count.nullable(),
    next_run_at: z.string().nullable().meta({ description: "the next run in `timezone`; null when disabled" }),
    updated_at: z.string(),
  })
  .meta({ id: "Schedule" });
/** The schedule as returned. */
export type ScheduleBody = z.infer<typeof scheduleSchema>;

/** `GET|PUT /api/v1/companies/schedule`. */
export const scheduleResponseSchema = z.object({ success: z.literal(true), schedule: scheduleSchema });
