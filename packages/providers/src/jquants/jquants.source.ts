import { tradingDaysBetween } from "@kabuto/core";

import type { PriceSource } from "../price-source";
import type { JQuantsClient } from "./jquants.client";

/** Calendar months back of each period J-Quants batches understand ("1d" and "5d" count trading days). */
const PERIOD_MONTHS: Record<string, number> = {
  "1mo": 1,
  "3mo": 3,
  "6mo": 6,
  "1y": 12,
  "2y": 24,
  "5y": 60,
  "10y": 120,
  max: 240,
};
const TRAILING_DAYS: Record<string, number> = { "1d": 1, "5d": 5 };

/** The trading dates a J-Quants batch of `period` covers, ending `today` (Tokyo), oldest first. */
export function tradingDatesOf(period: string, today: string): string[] {
  const trailing = TRAILING_DAYS[period];
  if (trailing !== undefined) {
    // Two calendar weeks always hold five trading days, year-end and Golden Week included.
    const twoWeeksBack = new Date(`${today}T00:00:00Z`);
    twoWeeksBack.setUTCDate(twoWeeksBack.getUTCDate() - 14);
    return tradingDaysBetween(twoWeeksBack.toISOString().slice(0, 10), today).slice(-trailing);
  }
  if (period === "ytd") return tradingDaysBetween(`${today.slice(0, 4)}-01-01`, today);
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - (PERIOD_MONTHS[period] ?? 1));
  return tradingDaysBetween(start.toISOString().slice(0, 10), today);
}

/**
 * The trading dates after `lastStored` up to `today`, oldest first; when none is missing, the last
 * trading date again, so an update run twice a day still refreshes one date.
 */
export function datesAfter(lastStored: string, today: string): string[] {
  const missing = tradingDaysBetween(lastStored, today).filter((date) => date > lastStored);
  return missing.length > 0 ? missing : tradingDatesOf("1d", today);
}

/**
 * J-Quants as a price source: one unit per trading date, the whole market in as many pages as
 * J-Quants gives (never one request per code, as J-Quants asks), the batch's symbols kept.
 * `client` hands out a client with the stored key, behind the fleet's rate gate.
 */
export function jquantsSource(client: () => Promise<JQuantsClient>): PriceSource {
  return {
    id: "jquants",
    unitKind: "dates",
    intervals: ["1d"],
    refusal: ({ interval, period }) => {
      if (interval !== "1d") return "provider 'jquants' は日足 ('interval': '1d') だけを取得できます";
      return period in PERIOD_MONTHS || period in TRAILING_DAYS || period === "ytd"
        ? undefined
        : `J-Quants batches do not understand period ${period}`;
    },
    planUnits: ({ period, today, lastStored }) =>
      lastStored ? datesAfter(lastStored, today) : tradingDatesOf(period, today),
    async fetchUnit({ unit, symbols }) {
      const data = await (await client()).fetchDailyBars(unit);
      if (symbols === undefined) return data;
      return {
        bars: data.bars.filter((bar) => symbols.has(bar.symbol)),
        actions: data.actions.filter((action) => symbols.has(action.symbol)),
      };
    },
  };
}
