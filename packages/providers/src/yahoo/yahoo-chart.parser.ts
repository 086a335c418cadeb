import {
  PermanentError,
  isTradingDay,
  quoteInput,
  type CorporateActionRow,
  type PriceBarRow,
  type PriceUnitData,
} from "@kabuto/core";

import { yahooChartSchema, type YahooChart } from "./yahoo-chart.schema";
import { isIntraday, type YahooInterval } from "./yahoo-intervals";
import { dayIn } from "./zoned-day";

type ChartResult = NonNullable<YahooChart["chart"]["result"]>[number];

function chartResult(body: unknown, symbol: string): ChartResult {
  const parsed = yahooChartSchema.safeParse(body);
  if (!parsed.success) throw new PermanentError(`Yahoo chart for ${symbol}: unexpected answer shape`);
  const { result, error } = parsed.data.chart;
  if (error || !result?.[0])
    throw new PermanentError(`Yahoo chart for ${symbol}: ${error ? quoteInput(error.description, 80) : "no result"}`);
  return result[0];
}

/** Splits (new shares per old) and dividends (as Yahoo sends them) listed by `events=div,splits`, oldest first. */
function chartEvents(chart: ChartResult, symbol: string) {
  const zone = chart.meta.exchangeTimezoneName;
  const splits = Object.values(chart.events?.splits ?? {})
    .filter((split) => split.numerator > 0 && split.denominator > 0)
    .map((split) => ({ exDate: dayIn(split.date, zone), ratio: split.numerator / split.denominator }))
    .sort((a, b) => a.exDate.localeCompare(b.exDate));
  const dividends = Object.values(chart.events?.dividends ?? {})
    .filter((dividend) => dividend.amount > 0)
    .map((dividend) => ({ exDate: dayIn(dividend.date, zone), amount: dividend.amount }));
  return { symbol, splits, dividends };
}

/**
 * Yahoo's prices are split-adjusted as of the fetch: a bar's price as traded is Yahoo's times every
 * split after its day (its volume the inverse way). Every such split is in the same answer, since an
 * answer always reaches today.
 */
function sharesAfter(splits: readonly { exDate: string; ratio: number }[], day: string): number {
  let shares = 1;
  for (const split of splits) if (split.exDate > day) shares *= split.ratio;
  return shares;
}

function actionsOf(events: ReturnType<typeof chartEvents>): CorporateActionRow[] {
  return [
    ...events.splits.map((split): CorporateActionRow => ({
      source: "yahoo",
      symbol: events.symbol,
      kind: "split",
      ...split,
    })),
    ...events.dividends.map((dividend): CorporateActionRow => ({
      source: "yahoo",
      symbol: events.symbol,
      kind: "dividend",
      exDate: dividend.exDate,
      amount: dividend.amount * sharesAfter(events.splits, dividend.exDate),
    })),
  ];
}

/**
 * Turns a chart answer into bars as traded and the actions it lists. Daily bars are stamped 00:00
 * UTC of their trading date (the live last one too): the trading date is the stamp's date in the
 * exchange's time zone. A daily bar without any price on a TSE trading day is a halt and kept with
 * its nulls, as J-Quants sends one (the quality checks tell it from a missing day); on a closed day,
 * or intraday, it is dropped. Never zeros.
 */
export function parseYahooChart(body: unknown, request: { symbol: string; interval: YahooInterval }): PriceUnitData {
  const chart = chartResult(body, request.symbol);
  const events = chartEvents(chart, request.symbol);
  const zone = chart.meta.exchangeTimezoneName;
  const quote = chart.indicators.quote[0];
  const intraday = isIntraday(request.interval);
  const bars = new Map<number, PriceBarRow>();
  (chart.timestamp ?? []).forEach((stamp, index) => {
    if (!quote) return;
    const prices = [quote.open[index], quote.high[index], quote.low[index], quote.close[index]];
    const day = dayIn(stamp, zone);
    const noTrade = prices.every((price) => price === null || price === undefined);
    if (noTrade && (intraday || !isTradingDay(day))) return;
    const shares = sharesAfter(events.splits, day);
    // Yahoo's adjusted prices carry float noise; as traded they sit on the TSE's 0.1-yen grid.
    const traded = (price: number | null | undefined) =>
      price === null || price === undefined ? null : shares === 1 ? price : Math.round(price * shares * 10) / 10;
    const volume = quote.volume[index];
    const ts = intraday ? new Date(stamp * 1000) : new Date(`${day}T00:00:00Z`);
    bars.set(ts.getTime(), {
      source: "yahoo",
      symbol: request.symbol,
      interval: request.interval,
      ts,
      open: traded(prices[0]),
      high: traded(prices[1]),
      low: traded(prices[2]),
      close: traded(prices[3]),
      volume: volume === null || volume === undefined ? null : Math.round(volume / shares),
      turnover: null,
    });
  });
  return { bars: [...bars.values()], actions: actionsOf(events) };
}

/** Only the actions of a chart answer (the `range=max` history request). */
export function parseYahooActions(body: unknown, symbol: string): CorporateActionRow[] {
  return actionsOf(chartEvents(chartResult(body, symbol), symbol));
}
