import { z } from "zod";

import { MAX_SYMBOLS } from "./bulk.schema";
import { calendarDate, withOrderedRange } from "./date-range.schema";
import { count, pageLimit } from "./page.schema";
import { QUALITY_CHECKS, qualityCountsSchema } from "./quality-check-name.schema";
import { MASTER_SYNC_STATUSES, PRICE_PROVIDERS } from "./status.schema";
import { toYahooSymbol } from "./symbol.schema";
import { plainText } from "./text.schema";

const SYMBOLS_MESSAGE = "'symbols' は東証の銘柄コードのリストで、または 'all': true で指定してください";

/** `POST /api/v1/quality/check`'s body: a date range and the symbols (or every one) of one or both sources. */
export const qualityCheckBodySchema = withOrderedRange(
  z.strictObject({
    from: calendarDate,
    to: calendarDate,
    symbols: z.array(z.string()).min(1).max(MAX_SYMBOLS).optional(),
    all: z.boolean().optional(),
    source: z.enum(PRICE_PROVIDERS).optional().meta({ description: "absent: both sources, and one against the other" }),
  }),
)
  .refine((body) => (body.all === true) !== (body.symbols !== undefined), { message: SYMBOLS_MESSAGE, path: [] })
  .refine((body) => body.symbols?.every((symbol) => toYahooSymbol(symbol) !== undefined) ?? true, {
    message: "'symbols' に東証の銘柄コードではないものがあります",
    path: ["symbols"],
  });
/** An on-demand check as the client sends it. */
export type QualityCheckBody = z.input<typeof qualityCheckBodySchema>;

/** `:check_id` of `GET /api/v1/quality/checks/:check_id`. */
export const qualityCheckParamsSchema = z.object({
  check_id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "は英数字と . _ - の 64 文字までで指定してください"),
});

/** One check run: a batch's (its id is the batch's) or an on-demand one. */
export const qualityCheckSchema = z
  .object({
    id: z.string(),
    batch_id: z.string().nullable(),
    source: z.enum(PRICE_PROVIDERS).nullable(),
    symbols: z.array(z.string()).meta({ description: "empty: every symbol with bars in the range" }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    status: z.enum(MASTER_SYNC_STATUSES),
    issues: count,
    by_check: qualityCountsSchema.optional().meta({ description: "once the run has completed" }),
    error: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .meta({ id: "QualityCheck" });
/** One check run. */
export type QualityCheckRun = z.infer<typeof qualityCheckSchema>;

/** `POST /api/v1/quality/check` → 202. */
export const qualityCheckAcceptedSchema = z.object({
  success: z.literal(true),
  check_id: z.string(),
  status: z.literal("accepted"),
});
/** `GET /api/v1/quality/checks/:check_id`. */
export const qualityCheckResponseSchema = z.object({ success: z.literal(true), check: qualityCheckSchema });

const CURSOR_MESSAGE = "は前のページの next を指定してください";
/** PostgreSQL's largest bigint: an issue id past it is no page of any run. */
const MAX_ISSUE_ID = 2n ** 63n - 1n;

/** `GET /api/v1/quality/issues`' query. */
export const qualityIssuesQuerySchema = z.object({
  batch_id: plainText(64).min(1).optional().meta({ description: "a batch's id, or an on-demand check's id" }),
  symbol: z
    .string()
    .transform((text, context) => {
      const symbol = toYahooSymbol(text);
      if (!symbol) context.addIssue({ code: "custom", message: "は 7203 や 130A.T の形で指定してください" });
      return symbol ?? text;
    })
    .optional(),
  check: z.enum(QUALITY_CHECKS).optional(),
  limit: pageLimit(1000, 100),
  /** The `next` of the previous page. */
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,18}$/, { message: CURSOR_MESSAGE, abort: true })
    .refine((cursor) => BigInt(cursor) <= MAX_ISSUE_ID, CURSOR_MESSAGE)
    .optional(),
});

/** One issue a check found. */
export const qualityIssueSchema = z.object({
  id: z.string(),
  batch_id: z.string(),
  source: z.enum(PRICE_PROVIDERS),
  symbol: z.string(),
  date: z.string(),
  check: z.enum(QUALITY_CHECKS),
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  created_at: z.string(),
});
/** One issue. */
export type QualityIssueBody = z.infer<typeof qualityIssueSchema>;

/** `GET /api/v1/quality/issues`: one page, oldest first; `next` is the cursor of the following one, null at the end. */
export const qualityIssuesResponseSchema = z.object({
  success: z.literal(true),
  count,
  issues: z.array(qualityIssueSchema),
  next: z.string().nullable(),
});
