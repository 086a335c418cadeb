import { PermanentError, type PriceBarRow } from "@kabuto/core";

import { yahooChartSchema } from "./yahoo-chart.schema";
import { isIntraday, type YahooInterval } from "./yahoo-intervals";

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `epochSeconds` in `timeZone`, as 00:00 UTC of that date. */
function tradingDate(epochSeconds: number, timeZone: string): Date {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return new Date(`${format.format(new Date(epochSeconds * 1000))}T00:00:00Z`);
}

/**
 * Turns a chart answer into bars, stored as Yahoo sends them. Daily bars are stamped 00:00 UTC (the
 * live last one with its last trade time): the trading date is the stamp's date in the exchange's
 * time zone. A bar without any price (a halt, a holiday row) is dropped, never stored as zeros.
 */
export function parseYahooChart(body: unknown, request: { symbol: string; interval: YahooInterval }): PriceBarRow[] {
  const parsed = yahooChartSchema.safeParse(body);
  if (!parsed.success) throw new PermanentError(`Yahoo chart for ${request.symbol}: unexpected answer shape`);
  const { result, error } = parsed.data.chart;
  if (error || !result?.[0])
    throw new PermanentError(`Yahoo chart for ${request.symbol}: ${error?.description ?? "no result"}`);
  const chart = result[0];
  const timestamps = chart.timestamp ?? [];
  const quote = chart.indicators.quote[0];
  if (!quote) return [];
  const adjclose = chart.indicators.adjclose?.[0]?.adjclose;
  const intraday = isIntraday(request.interval);
  const bars = new Map<number, PriceBarRow>();
  timestamps.forEach((stamp, index) => {
    const open = quote.open[index] ?? null;
    const high = quote.high[index] ?? null;
    const low = quote.low[index] ?? null;
    const close = quote.close[index] ?? null;
    if (open === null && high === null && low === null && close === null) return;
    const ts = intraday ? new Date(stamp * 1000) : tradingDate(stamp, chart.meta.exchangeTimezoneName);
    bars.set(ts.getTime(), {
      symbol: request.symbol,
      interval: request.interval,
      ts,
      open,
      high,
      low,
      close,
      adjOpen: null,
      adjHigh: null,
      adjLow: null,
      adjClose: adjclose?.[index] ?? null,
      volume: quote.volume[index] ?? null,
      adjVolume: null,
      adjFactor: null,
      turnover: null,
      source: "yahoo",
    });
  });
  return [...bars.values()];
}
