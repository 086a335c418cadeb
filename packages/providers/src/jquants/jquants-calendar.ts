import { z } from "zod";

/**
 * J-Quants' holiday division (HolDiv): "0" closed, "1" trading, "2" a TSE half-day session
 * (trading), "3" closed at the TSE with holiday trading at the OSE.
 */
export const JQUANTS_HOLIDAY_DIVISIONS = ["0", "1", "2", "3"] as const;
export type JQuantsHolidayDivision = (typeof JQUANTS_HOLIDAY_DIVISIONS)[number];

/** One row of J-Quants v2 `/markets/calendar`. */
export const jquantsCalendarRowSchema = z.object({
  Date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  HolDiv: z.enum(JQUANTS_HOLIDAY_DIVISIONS),
});
export type JQuantsCalendarRow = z.infer<typeof jquantsCalendarRowSchema>;

/** A day of J-Quants' calendar: whether the TSE trades (HolDiv 1 or 2), and J-Quants' own division. */
export interface JQuantsCalendarDay {
  date: string;
  isTradingDay: boolean;
  holDiv: JQuantsHolidayDivision;
}

export function calendarDayFromJQuants(row: JQuantsCalendarRow): JQuantsCalendarDay {
  return { date: row.Date, isTradingDay: row.HolDiv === "1" || row.HolDiv === "2", holDiv: row.HolDiv };
}
