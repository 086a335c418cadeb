import { z } from "zod";

import { calendarDate } from "./date-range.schema";
import { count, pageLimit, pageOffset } from "./page.schema";
import { PRICE_INTERVALS, PRICE_PERIODS } from "./price-interval.schema";
import { qualityCountsSchema } from "./quality-check-name.schema";
import { BATCH_UNITS, DETAIL_STATUSES, ERROR_CLASSES, PRICE_PROVIDERS, batchStatusSchema } from "./status.schema";
import { toYahooSymbol } from "./symbol.schema";
import { plainText } from "./text.schema";

/** At most this many symbols in one batch (the whole market is about 4,400). */
export const MAX_SYMBOLS = 10_000;

const SYMBOLS_MESSAGE = "'symbols' は文字列リストで指定してください";

/**
 * `POST /api/bulk/start`'s body, with every rule that needs no provider's knowledge; what a
 * provider cannot serve (J-Quants' daily bars only, Yahoo's intraday reach) its price source refuses.
 */
export const bulkStartBodySchema = z
  .strictObject({
    symbols: z.array(z.string(), { message: "は文字列リストで指定してください" }).optional(),
    all: z.boolean().optional(),
    market_category: plainText(64).optional(),
    interval: z
      .enum(PRICE_INTERVALS, { message: `'interval' は ${PRICE_INTERVALS.join(", ")} のいずれかです` })
      .default("1d"),
    period: z
      .enum(PRICE_PERIODS, { message: `'period' は ${PRICE_PERIODS.join(", ")} のいずれかです` })
      .optional()
      .meta({ description: "how far back from today (default 1mo); not with from/to" }),
    from: calendarDate.optional().meta({ description: "first date (YYYY-MM-DD, Tokyo), in place of period" }),
    to: calendarDate.optional().meta({ description: "last date (YYYY-MM-DD, Tokyo, default today); needs from" }),
    provider: z.enum(PRICE_PROVIDERS).default("yahoo"),
  })
  .superRefine((body, context) => {
    if (body.period !== undefined && (body.from !== undefined || body.to !== undefined))
      context.addIssue({ code: "custom", message: "'period' と 'from'/'to' は同時に指定できません", path: ["period"] });
    if (body.to !== undefined && body.from === undefined)
      context.addIssue({ code: "custom", message: "'to' には 'from' も指定してください", path: ["from"] });
    if (body.from !== undefined && body.to !== undefined && body.from > body.to)
      context.addIssue({ code: "custom", message: "'from' は 'to' 以前の日付で指定してください", path: ["from"] });
    if (body.all === true && body.symbols !== undefined)
      context.addIssue({ code: "custom", message: "'symbols' と 'all' は同時に指定できません", path: [] });
    if (body.all !== true && body.symbols === undefined)
      context.addIssue({ code: "custom", message: SYMBOLS_MESSAGE, path: [] });
    if (body.symbols !== undefined && body.symbols.length === 0)
      context.addIssue({ code: "custom", message: SYMBOLS_MESSAGE, path: [] });
    if ((body.symbols?.length ?? 0) > MAX_SYMBOLS) {
      context.addIssue({ code: "custom", message: `'symbols' は ${MAX_SYMBOLS} 件までです`, path: [] });
    }
    const invalid = body.symbols?.find((symbol) => toYahooSymbol(symbol) === undefined);
    if (invalid !== undefined) {
      context.addIssue({
        code: "custom",
        message: `'symbols' に東証の銘柄コードではないものがあります: ${JSON.stringify(invalid)}`,
        path: [],
      });
    }
  });
/** A bulk start request as the gateway has validated it. */
export type BulkStartRequest = z.output<typeof bulkStartBodySchema>;
/** A bulk start request as the client sends it (defaults may be left out). */
export type BulkStartBody = z.input<typeof bulkStartBodySchema>;

/** `:job_id` of the job routes. */
export const jobParamsSchema = z.object({
  job_id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "は英数字と . _ - の 64 文字までで指定してください"),
});

/** `GET /api/bulk/jobs`' query. */
export const jobHistoryQuerySchema = z.object({ limit: pageLimit(100, 20), offset: pageOffset });

/** `GET /api/bulk/jobs/:job_id/symbols`' query. */
export const jobSymbolsQuerySchema = z.object({
  status: z.enum(DETAIL_STATUSES).optional(),
  limit: pageLimit(10_000, 1000),
  offset: pageOffset,
});

/** A bulk job as every bulk route returns it: progress always, summary once it has ended. */
export const bulkJobSchema = z
  .object({
    id: z.string(),
    status: batchStatusSchema,
    provider: z.enum(PRICE_PROVIDERS),
    interval: z.string(),
    period: z.string().nullable(),
    unit: z.enum(BATCH_UNITS),
    plan: z
      .object({
        from: z.string().nullable().meta({ description: "first date the units cover (YYYY-MM-DD)" }),
        to: z.string().nullable().meta({ description: "last date the units cover (YYYY-MM-DD)" }),
        units: count,
        requests_estimated: count,
        requests_used: count.meta({ description: "upstream requests of planning and of the units done so far" }),
        skipped: z
          .string()
          .nullable()
          .meta({ description: "what of the asked dates the plan left out (a J-Quants plan's window), and why" }),
      })
      .meta({ description: "the requests the planner chose" }),
    progress: z.object({
      total: count,
      processed: count,
      successful: count,
      failed: count,
      progress_percentage: z.number(),
    }),
    summary: z
      .object({
        total_symbols: count,
        total_dates: count.optional().meta({ description: "J-Quants jobs, which count trading dates" }),
        successful: count,
        failed: count,
        records: count,
        duration_seconds: z.number(),
        failures_by_class: z.record(z.string(), count),
        quality: qualityCountsSchema
          .optional()
          .meta({ description: "issues per quality check, once the checks that follow a batch have run" }),
      })
      .optional()
      .meta({ description: "once the job has ended" }),
    error: z.string().optional(),
    created_at: z.number().meta({ description: "seconds since the epoch" }),
    updated_at: z.number().meta({ description: "seconds since the epoch" }),
  })
  .meta({ id: "BulkJob" });
/** A bulk job. */
export type BulkJob = z.infer<typeof bulkJobSchema>;

/** `POST /api/bulk/start` → 202. */
export const bulkStartResponseSchema = z.object({
  success: z.literal(true),
  job_id: z.string(),
  status: z.literal("accepted"),
});
/** `POST /api/bulk/retry/:job_id` → 202: a new job of the old one's failed units. */
export const bulkRetryResponseSchema = bulkStartResponseSchema.extend({
  retried: count.meta({ description: "failed symbols (or J-Quants dates) the new job fetches again" }),
});
/** `GET /api/bulk/status/:job_id`. */
export const bulkJobResponseSchema = z.object({ success: z.literal(true), job: bulkJobSchema });
/** `POST /api/bulk/{stop,pause,resume}/:job_id`. */
export const bulkActionResponseSchema = z.object({ success: z.literal(true), message: z.string(), job: bulkJobSchema });
/** `GET /api/bulk/jobs`. */
export const bulkJobsResponseSchema = z.object({
  success: z.literal(true),
  jobs: z.array(bulkJobSchema),
  total: count,
  limit: count,
  offset: count,
});

/** One unit of a job as `GET /api/bulk/jobs/:job_id/symbols` returns it. */
export const jobSymbolSchema = z.object({
  symbol: z.string().meta({ description: "a symbol (7203.T), or a trading date (YYYY-MM-DD) for J-Quants" }),
  status: z.enum(DETAIL_STATUSES),
  attempts: count,
  records_inserted: count,
  error_class: z.enum(ERROR_CLASSES).nullable(),
  error_message: z.string().nullable(),
  duration_ms: count.nullable(),
});
/** One unit of a job. */
export type JobSymbol = z.infer<typeof jobSymbolSchema>;

/** `GET /api/bulk/jobs/:job_id/symbols`. */
export const jobSymbolsResponseSchema = z.object({
  success: z.literal(true),
  job_id: z.string(),
  total: count,
  symbols: z.array(jobSymbolSchema),
});
