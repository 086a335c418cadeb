import { tokyoDate } from "@kabuto/core";

import type { PriceSource } from "../price-source";
import type { YahooChartClient, YahooSpan } from "./yahoo-chart.client";
import {
  YAHOO_INTERVALS,
  YAHOO_INTRADAY_HISTORY_DAYS,
  YAHOO_RANGES,
  unservableRange,
  type YahooInterval,
  type YahooRange,
} from "./yahoo-intervals";

/** A batch's range when it names none. */
const DEFAULT_RANGE: YahooRange = "1mo";

/** The instant a Tokyo date (YYYY-MM-DD) begins: Japan keeps no daylight saving time. */
function tokyoMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/**
 * From the start of `since` on. `period2` is the start of tomorrow in Tokyo rather than now: Yahoo
 * answers up to now whatever a later end says, and today's live bar, stamped with its last trade,
 * is kept whatever the clocks.
 */
function spanSince(since: string, now: Date): YahooSpan {
  const tomorrow = tokyoMidnight(tokyoDate(now));
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return { period1: tokyoMidnight(since), period2: tomorrow };
}

/** Calendar days from `from` back to `today`'s date. */
const daysBack = (from: string, today: string) => (Date.parse(today) - Date.parse(from)) / 86_400_000;

/** Yahoo's chart API as a price source: one unit (one request) per symbol. */
export function yahooSource(client: YahooChartClient, now: () => Date = () => new Date()): PriceSource {
  return {
    id: "yahoo",
    unitKind: "symbols",
    intervals: YAHOO_INTERVALS,
    refusal({ interval, period, range, today }) {
      if (!(YAHOO_INTERVALS as readonly string[]).includes(interval))
        return `Yahoo does not serve interval ${interval}`;
      if (range) {
        const limit = YAHOO_INTRADAY_HISTORY_DAYS[interval as YahooInterval];
        return limit !== undefined && daysBack(range.from, today) > limit
          ? `interval ${interval} only reaches ${limit} days back; 'from' ${range.from} is older`
          : undefined;
      }
      if (!(YAHOO_RANGES as readonly string[]).includes(period)) return `Yahoo does not serve range ${period}`;
      return unservableRange(interval as YahooInterval, period as YahooRange);
    },
    planUnits: async ({ symbols }) => ({ units: [...symbols], requestsEstimated: symbols.length, requestsUsed: 0 }),
    async fetchUnit({ unit, interval, period, since, from, to }) {
      // Dates are asked up to today and cut at `to`: Yahoo's prices are adjusted for every split
      // up to today, and only an answer reaching today lists them all.
      const start = since ?? from;
      const span: YahooSpan = start ? spanSince(start, now()) : { range: (period ?? DEFAULT_RANGE) as YahooRange };
      const data = await client.fetchBars({ symbol: unit, interval: interval as YahooInterval, ...span });
      const end = to ? tokyoMidnight(to).getTime() + 86_400_000 : Infinity;
      return {
        bars: data.bars.filter((bar) => bar.ts.getTime() < end),
        actions: data.actions,
        requests: 1,
        // The answer lists every action from its first bar on (it always reaches today).
        actionsFrom: data.bars[0]?.ts.toISOString().slice(0, 10),
      };
    },
    fetchActions: ({ symbol }) => client.fetchActions(symbol),
  };
}
