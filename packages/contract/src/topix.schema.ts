import { z } from "zod";

import { calendarDate, dateRangeShape, withOrderedRange } from "./date-range.schema";
import { count, pageLimit } from "./page.schema";

/** `GET /api/v1/topix`' query: a date range, a page of up to 10,000 bars, and where the page starts. */
export const topixQuerySchema = withOrderedRange(
  z.object({
    ...dateRangeShape,
    limit: pageLimit(10_000, 1000),
    cursor: calendarDate.optional().meta({ description: "the `next` of the previous page" }),
  }),
);

/** One day of TOPIX. */
export const indexBarSchema = z.object({
  date: z.string().meta({ description: "YYYY-MM-DD" }),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
});
/** One index bar as returned. */
export type IndexBarBody = z.infer<typeof indexBarSchema>;

/** `GET /api/v1/topix`: stored TOPIX bars, oldest first. */
export const topixResponseSchema = z.object({
  success: z.literal(true),
  index_code: z.literal("TOPIX"),
  count,
  bars: z.array(indexBarSchema),
  next: z.string().nullable().meta({ description: "pass as `cursor` for the next page; null on the last page" }),
});
