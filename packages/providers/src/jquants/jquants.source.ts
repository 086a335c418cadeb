import { tradingDaysBetween } from "@kabuto/core";

import type { DateRange, PlanUnitsParams, PriceSource } from "../price-source";
import type { JQuantsClient } from "./jquants.client";
import { symbolOfJQuantsCode } from "./jquants-daily-bar";
import { hasBulkAccess, jquantsPlanWindow, type JQuantsPlanName } from "./jquants-plan-window";

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

/** A unit that is a month ("2024-05") is one bulk file; one that is a date, one `date=` request. */
const MONTH_UNIT = /^\d{4}-\d{2}$/;
const BULK_ENDPOINT = "/equities/bars/daily";
/** Below this many trading dates, `date=` requests are cheap enough: bulk files are for a month or more. */
export const BULK_MIN_DATES = 20;
/** The whole market (about 4,400 codes) in pages of about 1,000 rows: an estimate, the plan counts what happens. */
export const PAGES_PER_DATE = 5;

/** The key of the bulk file of daily bars for `month` (YYYY-MM). */
export const monthFileKey = (month: string) =>
  `equities/bars/daily/equities_bars_daily_${month.replace("-", "")}.csv.gz`;

/** What of `asked` (trading dates, oldest first) falls outside the plan's window, in words. */
function skippedOf(asked: readonly string[], window: DateRange, plan: JQuantsPlanName): string | undefined {
  const before = asked.filter((date) => date < window.from);
  const after = asked.filter((date) => date > window.to);
  const parts = [
    ...(before.length > 0 ? [`${before[0]} – ${before.at(-1)!} (${before.length} trading days) before`] : []),
    ...(after.length > 0 ? [`${after[0]} – ${after.at(-1)!} (${after.length} trading days) after`] : []),
  ];
  if (parts.length === 0) return undefined;
  return `${parts.join(" and ")} the ${plan} plan's window ${window.from} – ${window.to}`;
}

/** The trading dates a batch asks for, oldest first. */
function askedDates({ period, range, today, lastStored }: PlanUnitsParams): string[] {
  if (lastStored) return datesAfter(lastStored, today);
  return range ? tradingDaysBetween(range.from, range.to) : tradingDatesOf(period, today);
}

/**
 * J-Quants as a price source. The plan's window clips what a batch asks for; a month or more
 * comes as bulk files (a month each, two requests), the rest as one unit per trading date (the
 * whole market in as many pages as J-Quants gives, never one request per code, as J-Quants asks);
 * the batch's symbols are kept. `client` hands out a client with the stored key and plan, behind
 * the fleet's rate gate.
 */
export function jquantsSource(client: () => Promise<JQuantsClient>): PriceSource {
  return {
    id: "jquants",
    unitKind: "dates",
    intervals: ["1d"],
    refusal: ({ interval, period, range }) => {
      if (interval !== "1d") return "provider 'jquants' は日足 ('interval': '1d') だけを取得できます";
      return range || period in PERIOD_MONTHS || period in TRAILING_DAYS || period === "ytd"
        ? undefined
        : `J-Quants batches do not understand period ${period}`;
    },
    async planUnits(params) {
      const jquants = await client();
      const plan = jquants.plan ?? "free";
      const asked = askedDates(params);
      const window = jquantsPlanWindow(plan, params.today);
      const dates = asked.filter((date) => date >= window.from && date <= window.to);
      const skipped = skippedOf(asked, window, plan);
      const range = dates.length > 0 ? { from: dates[0]!, to: dates.at(-1)! } : undefined;
      if (dates.length < BULK_MIN_DATES || !hasBulkAccess(plan)) {
        return { units: dates, requestsEstimated: dates.length * PAGES_PER_DATE, requestsUsed: 0, range, skipped };
      }
      const offered = new Set((await jquants.listBulkFiles(BULK_ENDPOINT)).map((file) => file.key));
      const months = new Set(dates.map((date) => date.slice(0, 7)).filter((month) => offered.has(monthFileKey(month))));
      const rest = dates.filter((date) => !months.has(date.slice(0, 7)));
      return {
        units: [...months, ...rest],
        requestsEstimated: 1 + 2 * months.size + rest.length * PAGES_PER_DATE,
        requestsUsed: 1,
        range,
        skipped,
      };
    },
    async fetchUnit({ unit, symbols, from, to }) {
      const jquants = await client();
      if (!MONTH_UNIT.test(unit)) {
        const data = await jquants.fetchDailyBars(unit);
        if (symbols === undefined) return data;
        return {
          bars: data.bars.filter((bar) => symbols.has(bar.symbol)),
          actions: data.actions.filter((action) => symbols.has(action.symbol)),
          requests: data.requests,
        };
      }
      return jquants.fetchBulkDailyBars(
        monthFileKey(unit),
        (row) =>
          (from === undefined || row.Date >= from) &&
          (to === undefined || row.Date <= to) &&
          (symbols === undefined || symbols.has(symbolOfJQuantsCode(row.Code))),
      );
    },
  };
}
