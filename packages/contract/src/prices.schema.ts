import { z } from "zod";

import { count, pageLimit } from "./page.schema";
import { PRICE_INTERVALS } from "./price-interval.schema";
import { PRICE_PROVIDERS } from "./status.schema";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "は YYYY-MM-DD で指定してください");

/** `:code` of `GET /api/v1/prices/:code` ("7203", "7203.T", "130A"); checked by the route. */
export const pricesParamsSchema = z.object({ code: z.string() });

/** `GET /api/v1/prices/:code`' query. */
export const pricesQuerySchema = z.object({
  interval: z.enum(PRICE_INTERVALS).default("1d"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: pageLimit(10_000, 1000),
});

/** One stored bar; the adjusted fields come from J-Quants. */
export const priceBarSchema = z.object({
  ts: z.string(),
  open: z.number().nullable(),
  high: z.number().nullable(),
  low: z.number().nullable(),
  close: z.number().nullable(),
  adj_close: z.number().nullable(),
  volume: z.number().nullable(),
  adj_open: z.number().nullable(),
  adj_high: z.number().nullable(),
  adj_low: z.number().nullable(),
  adj_volume: z.number().nullable(),
  adj_factor: z.number().nullable(),
  turnover: z.number().nullable(),
  source: z.enum(PRICE_PROVIDERS),
});
/** One bar as returned. */
export type PriceBarBody = z.infer<typeof priceBarSchema>;

/** `GET /api/v1/prices/:code`. */
export const pricesResponseSchema = z.object({
  success: z.literal(true),
  symbol: z.string(),
  interval: z.enum(PRICE_INTERVALS),
  count,
  bars: z.array(priceBarSchema),
});
