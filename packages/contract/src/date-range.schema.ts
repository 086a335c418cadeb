import { z } from "zod";

/** Whether YYYY-MM-DD names a day of the calendar (2026-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar date written YYYY-MM-DD. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "は YYYY-MM-DD で指定してください")
  .refine(isCalendarDate, "は実在する日付で指定してください");

/** Optional `from` and `to` (inclusive), each a real date, `from` not after `to`. */
export const dateRangeShape = { from: calendarDate.optional(), to: calendarDate.optional() };

/** Adds the `from` ≤ `to` rule to a query schema holding {@link dateRangeShape}. */
export function withOrderedRange<Query extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(
  query: Query,
) {
  return query.refine((range) => !range.from || !range.to || range.from <= range.to, {
    message: "'from' は 'to' 以前の日付で指定してください",
    path: ["from"],
  });
}
