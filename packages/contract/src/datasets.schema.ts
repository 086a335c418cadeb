import { z } from "zod";

import { MAX_SYMBOLS } from "./bulk.schema";
import { calendarDate, withOrderedRange } from "./date-range.schema";
import { count, pageLimit, pageOffset } from "./page.schema";
import { PRICE_ADJUSTMENTS } from "./prices.schema";
import { MASTER_SYNC_STATUSES, PRICE_PROVIDERS } from "./status.schema";
import { toYahooSymbol } from "./symbol.schema";
import { plainText } from "./text.schema";

/** The file formats of datasets and price exports. */
export const DATASET_FORMATS = ["parquet", "csv"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** The files a dataset can have. */
export const DATASET_FILE_NAMES = ["dataset.parquet", "dataset.csv", "metadata.json"] as const;

const SYMBOLS_MESSAGE = "'symbols' は東証の銘柄コードのリストで、または 'all': true で指定してください";
const FORMAT_MESSAGE = "は parquet か csv で指定してください";

const tseCodes = z
  .array(z.string())
  .min(1)
  .max(MAX_SYMBOLS)
  .refine((symbols) => symbols.every((symbol) => toYahooSymbol(symbol) !== undefined), {
    message: "'symbols' に東証の銘柄コードではないものがあります",
  });

/** `POST /api/v1/datasets`' body: a date range and the symbols (or every one, of one market) of one source. */
export const datasetRequestSchema = withOrderedRange(
  z.strictObject({
    from: calendarDate,
    to: calendarDate,
    symbols: tseCodes.optional(),
    all: z.boolean().optional(),
    market_code: plainText(8).min(1).optional().meta({ description: "with all: only this market's listings" }),
    source: z.enum(PRICE_PROVIDERS).default("yahoo"),
    format: z.enum(DATASET_FORMATS, { message: FORMAT_MESSAGE }),
  }),
)
  .refine((body) => (body.all === true) !== (body.symbols !== undefined), { message: SYMBOLS_MESSAGE, path: [] })
  .refine((body) => body.market_code === undefined || body.all === true, {
    message: "'market_code' は 'all': true と一緒に指定してください",
    path: ["market_code"],
  });
/** A dataset request as the client sends it. */
export type DatasetRequestBody = z.input<typeof datasetRequestSchema>;

/** `:id` of the dataset routes. */
export const datasetParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "は英数字と . _ - の 64 文字までで指定してください"),
});

/** `:id` and `:file` of `GET /api/v1/datasets/:id/files/:file`. */
export const datasetFileParamsSchema = datasetParamsSchema.extend({
  file: z.enum(DATASET_FILE_NAMES, { message: "は dataset.parquet、dataset.csv、metadata.json のどれかです" }),
});

/** `GET /api/v1/datasets`' query. */
export const datasetListQuerySchema = z.object({ limit: pageLimit(100, 20), offset: pageOffset });

/** One dataset build: its request, progress and files. */
export const datasetSchema = z
  .object({
    id: z.string(),
    status: z.enum(MASTER_SYNC_STATUSES),
    format: z.enum(DATASET_FORMATS),
    source: z.enum(PRICE_PROVIDERS),
    from: z.string(),
    to: z.string(),
    symbols: z.array(z.string()).meta({ description: "JPX codes; empty: every one with bars (of market_code)" }),
    market_code: z.string().nullable(),
    progress: z.object({ total: count, processed: count, percentage: z.number().min(0).max(100) }),
    rows: count,
    files: z
      .array(z.object({ name: z.enum(DATASET_FILE_NAMES), bytes: count, url: z.string() }))
      .meta({ description: "once completed; empty again once the retention count pushed it out" }),
    error: z.string().nullable(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    expired_at: z.string().nullable(),
  })
  .meta({ id: "Dataset" });
/** One dataset build as returned. */
export type DatasetBody = z.infer<typeof datasetSchema>;

/** `POST /api/v1/datasets` → 202. */
export const datasetAcceptedSchema = z.object({
  success: z.literal(true),
  dataset_id: z.string(),
  status: z.literal("accepted"),
  symbols: count,
});

/** `GET /api/v1/datasets/:id`. */
export const datasetResponseSchema = z.object({ success: z.literal(true), dataset: datasetSchema });

/** `GET /api/v1/datasets`: newest first. */
export const datasetListResponseSchema = z.object({
  success: z.literal(true),
  total: count,
  datasets: z.array(datasetSchema),
});

/** `GET /api/v1/prices/export`' query: plain daily bars of some symbols (comma-separated) or every one. */
export const priceExportQuerySchema = withOrderedRange(
  z.object({
    from: calendarDate,
    to: calendarDate,
    symbols: z
      .string()
      .transform((text) => text.split(",").map((symbol) => symbol.trim()))
      .pipe(tseCodes)
      .optional()
      .meta({ type: "string", description: "comma-separated codes: 7203,6758,130A" }),
    all: z.enum(["true"], { message: "は true で指定してください" }).optional(),
    source: z.enum(PRICE_PROVIDERS).default("yahoo"),
    adjust: z.enum(PRICE_ADJUSTMENTS).default("split"),
    format: z.enum(DATASET_FORMATS, { message: FORMAT_MESSAGE }).default("csv"),
  }),
).refine((query) => (query.all === "true") !== (query.symbols !== undefined), {
  message: "'symbols' は東証の銘柄コードをカンマ区切りで、または all=true で指定してください",
  path: [],
});
