import { tokyoDate } from "@kabuto/core";

import type { PriceSource } from "../price-source";
import type { YahooChartClient, YahooSpan } from "./yahoo-chart.client";
import { YAHOO_INTERVALS, YAHOO_RANGES, unservableRange, type YahooInterval, type YahooRange } from "./yahoo-intervals";

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

/** Yahoo's chart API as a price source: one unit (one request) per symbol. */
export function yahooSource(client: YahooChartClient, now: () => Date = () => new Date()): PriceSource {
  return {
    id: "yahoo",
    unitKind: "symbols",
    intervals: YAHOO_INTERVALS,
    refusal({ interval, period }) {
      if (!(YAHOO_INTERVALS as readonly string[]).includes(interval))
        return `Yahoo does not serve interval ${interval}`;
      if (!(YAHOO_RANGES as readonly string[]).includes(period)) return `Yahoo does not serve range ${period}`;
      return unservableRange(interval as YahooInterval, period as YahooRange);
    },
    planUnits: ({ symbols }) => [...symbols],
    async fetchUnit({ unit, interval, period, since }) {
      const data = await client.fetchBars({
        symbol: unit,
        interval: interval as YahooInterval,
        ...(since ? spanSince(since, now()) : { range: (period ?? DEFAULT_RANGE) as YahooRange }),
      });
      // The answer lists every action from its first bar on (it always reaches today).
      return { ...data, actionsFrom: data.bars[0]?.ts.toISOString().slice(0, 10) };
    },
    fetchActions: ({ symbol }) => client.fetchActions(symbol),
  };
}
