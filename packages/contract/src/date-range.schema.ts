import { z } from "zod";

/** Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
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
