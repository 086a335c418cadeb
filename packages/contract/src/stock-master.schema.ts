import { z } from "zod";

import { booleanText, count, pageLimit, pageOffset } from "./page.schema";
import { plainText } from "./text.schema";

/** `GET /api/stock-master/list`' query. */
export const stockListQuerySchema = z.object({
  is_active: booleanText.prefault("true"),
  market_category: plainText(64).optional(),
  limit: pageLimit(5000, 100),
  offset: pageOffset,
});

/** `POST /api/stock-master/update`: the sync's summary (seed 000). */
export const stockMasterUpdateResponseSchema = z.object({
  success: z.literal(true),
  update_summary: z.object({
    total_stocks: count,
    added_stocks: count,
    updated_stocks: count,
    removed_stocks: count,
    updated_at: z.string(),
  }),
});

/** `GET /api/stock-master/list`. */
export const stockListResponseSchema = z.object({
  success: z.literal(true),
  total: count,
  stocks: z.array(
    z.object({
      stock_code: z.string(),
      stock_name: z.string(),
      market_category: z.string().nullable(),
      sector: z.string().nullable(),
      is_active: z.boolean(),
    }),
  ),
});
