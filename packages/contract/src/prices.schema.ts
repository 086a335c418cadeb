import { z } from "zod";

import { count, pageLimit } from "./page.schema";
import { PRICE_INTERVALS } from "./price-interval.schema";
import { dateRangeShape, withOrderedRange } from "./date-range.schema";
import { PRICE_PROVIDERS } from "./status.schema";

/** How prices are read: as traded, split-adjusted (the default), or also for dividends like Yahoo's adjclose. */
export const PRICE_ADJUSTMENTS = ["none", "split", "all"] as const;

/** `:code` of `GET /api/v1/prices/:code` ("7203", "7203.T", "130A"); checked by the route. */
export const pricesParamsSchema = z.object({ code: z.string() });

/** `GET /api/v1/prices/:code`' query. */
export const pricesQuerySchema = withOrderedRange(
  z.object({
    source: z.enum(PRICE_PROVIDERS).default("yahoo"),
    adjust: z.enum(PRICE_ADJUSTMENTS).default("split"),
    interval: z.enum(PRICE_INTERVALS).default("1d"),
    ...dateRangeShape,
    limit: pageLimit(10_000, 1000),
    /** The `next` of the previous page. */
    cursor: z.iso.datetime({ message: "は前のページの next を指定してください" }).optional(),
  }),
);

/** One bar as read. */
export const priceBarSchema = z.object({
  /** The trading date in Tokyo. */
  date: z.string(),
  ts: z.string(),
  open: z.number().nullable(),
  high: z.number().nullable(),
  low: z.number().nullable(),
  close: z.number().nullable(),
  volume: z.number().nullable(),
  turnover: z.number().nullable(),
  source: z.enum(PRICE_PROVIDERS),
});
/** One bar as returned. */
export type PriceBarBody = z.infer<typeof priceBarSchema>;

/** `GET /api/v1/prices/:code`: one page; `next` is the cursor of the following one, null at the end. */
export const pricesResponseSchema = z.object({
  success: z.literal(true),
  symbol: z.string(),
  source: z.enum(PRICE_PROVIDERS),
  interval: z.enum(PRICE_INTERVALS),
  adjust: z.enum(PRICE_ADJUSTMENTS),
  count,
  bars: z.array(priceBarSchema),
  next: z.string().nullable(),
});
