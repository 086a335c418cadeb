import type { PriceSource } from "../price-source";
import type { YahooChartClient } from "./yahoo-chart.client";
import { YAHOO_INTERVALS, YAHOO_RANGES, unservableRange, type YahooInterval, type YahooRange } from "./yahoo-intervals";

/** A batch's range when it names none. */
const DEFAULT_RANGE: YahooRange = "1mo";

/** Yahoo's chart API as a price source: one unit (one request) per symbol. */
export function yahooSource(client: YahooChartClient): PriceSource {
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
    async fetchUnit({ unit, interval, period }) {
      const data = await client.fetchBars({
        symbol: unit,
        interval: interval as YahooInterval,
        range: (period ?? DEFAULT_RANGE) as YahooRange,
      });
      // The answer lists every action from its first bar on (it always reaches today).
      return { ...data, actionsFrom: data.bars[0]?.ts.toISOString().slice(0, 10) };
    },
    fetchActions: ({ symbol }) => client.fetchActions(symbol),
  };
}
