import { z } from "zod";

import { isCalendarDate } from "./date-range.schema";

/** Where a stored calendar day came from: J-Quants' `/markets/calendar`, or Kabuto's rules. */
export const CALENDAR_SOURCES = ["jquants", "rules"] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** The dates the calendar answers for: the years Kabuto's rules cover (the Heisei holidays to 2099). */
export const CALENDAR_FIRST_DATE = "1989-01-01";
export const CALENDAR_LAST_DATE = "2099-12-31";
/** The most days one request may span: ten years (3,653 days with three leap days). */
export const CALENDAR_MAX_DAYS = 3_653;

const DAY_MS = 86_400_000;

/** A real calendar date, YYYY-MM-DD, inside the calendar's years. */
function calendarDate(field: string) {
  return z
    .string({ error: `'${field}' を YYYY-MM-DD で指定してください` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `'${field}' は YYYY-MM-DD で指定してください`)
    .refine(isCalendarDate, `'${field}' は実在する日付ではありません`)
    .refine(
      (text) => text >= CALENDAR_FIRST_DATE && text <= CALENDAR_LAST_DATE,
      `'${field}' は ${CALENDAR_FIRST_DATE} から ${CALENDAR_LAST_DATE} までの日付で指定してください`,
    )
    .meta({ format: "date", example: field === "from" ? "2026-01-01" : "2026-12-31" });
}

/** The window checks only judge two real dates (a wrong one already has its own message). */
const bothReal = (query: { from: string; to: string }) => isCalendarDate(query.from) && isCalendarDate(query.to);

/** `GET /api/v1/calendar`' query: both ends included, `from` ≤ `to`, ten years at most. */
export const calendarQuerySchema = z
  .object({ from: calendarDate("from"), to: calendarDate("to") })
  .refine((query) => !bothReal(query) || query.from <= query.to, {
    message: "'from' は 'to' 以前の日付にしてください",
    path: ["from"],
  })
  .refine(
    (query) => !bothReal(query) || (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1 <= CALENDAR_MAX_DAYS,
    {
      message: `'to' は 'from' から10年（${CALENDAR_MAX_DAYS}日）以内にしてください`,
      path: ["to"],
    },
  );

const date = z.string().meta({ format: "date" });

/** `GET /api/v1/calendar`: the TSE's trading days and closed days of the window. */
export const calendarResponseSchema = z.object({
  success: z.literal(true),
  from: date,
  to: date,
  /**
   * `jquants`: every day from J-Quants (stored); `rules`: every day from Kabuto's rules (no J-Quants
   * key, or J-Quants did not have them); `mixed`: J-Quants where it had the days, the rules elsewhere.
   */
  source: z.enum([...CALENDAR_SOURCES, "mixed"]),
  trading_days: z.array(date),
  /** Every other day of the window: weekends, holidays, the year-end break. */
  closed_days: z.array(date),
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;
