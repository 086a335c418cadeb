import { Router } from "express";
import { z } from "zod";

import { RULES_FIRST_YEAR, holidayName, isCalendarDate, isTradingDay } from "@kabuto/core";

import type { MarketState } from "../market-state";
import { jquantsDate, jquantsError } from "./jquants-query";

/** J-Quants' holiday divisions: closed, trading, half-day session (trading), closed with OSE holiday trading. */
export type HolDiv = "0" | "1" | "2" | "3";

/** The OSE has traded derivatives on some national holidays since 2022-09-23 (HolDiv "3"). */
const HOLIDAY_TRADING_FROM = "2022-09-23";
const YEAR_END = new Set(["12-31", "01-01", "01-02", "01-03"]);

const realDate = jquantsDate.refine(isCalendarDate);
const query = z.object({
  from: realDate.optional(),
  to: realDate.optional(),
  hol_div: z.enum(["0", "1", "2", "3"]).optional(),
});

/**
 * A day's HolDiv by the TSE rules. Holiday trading is approximated as every weekday national
 * holiday from 2022-09-23 on (the OSE's own list skips a few); the simulator has no half-day sessions.
 */
export function holDivOf(date: string): HolDiv {
  if (isTradingDay(date)) return "1";
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const holidayTrading =
    date >= HOLIDAY_TRADING_FROM &&
    weekday !== 0 &&
    weekday !== 6 &&
    !YEAR_END.has(date.slice(5)) &&
    holidayName(date) !== undefined;
  return holidayTrading ? "3" : "0";
}

/**
 * The last date J-Quants knows: the TSE announces next year's calendar and J-Quants adds it around
 * the end of March, so until then the calendar ends with this year.
 */
export function calendarHorizon(today: string): string {
  const year = Number(today.slice(0, 4));
  return `${today.slice(5) >= "04-01" ? year + 1 : year}-12-31`;
}

/**
 * `/v2/markets/calendar[?from&to&hol_div]`, as J-Quants answers it: one `{Date, HolDiv}` row a day,
 * dates as YYYYMMDD or YYYY-MM-DD, each bound optional (default: all the data, from the rules' first
 * year to the horizon), nothing past the horizon, every plan alike.
 */
export function marketsCalendarRoutes(state: Pick<MarketState, "today">): Router {
  const router = Router();
  router.get("/v2/markets/calendar", (request, response) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return jquantsError(response, 400, "Invalid query parameters.");
    const first = `${RULES_FIRST_YEAR}-01-01`;
    const horizon = calendarHorizon(state.today);
    const from = parsed.data.from !== undefined && parsed.data.from > first ? parsed.data.from : first;
    const to = parsed.data.to !== undefined && parsed.data.to < horizon ? parsed.data.to : horizon;
    const rows: { Date: string; HolDiv: HolDiv }[] = [];
    for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
      const day = new Date(time).toISOString().slice(0, 10);
      const holDiv = holDivOf(day);
      if (parsed.data.hol_div === undefined || parsed.data.hol_div === holDiv) rows.push({ Date: day, HolDiv: holDiv });
    }
    response.json({ data: rows });
  });
  return router;
}
