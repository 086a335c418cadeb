import { hash, normal, seededRandom } from "../random";

/** One simulated trading day of one listing. Null prices: no trade that day (a halt). */
export interface DailyBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  /** Dividend (yen per share) going ex on this day; 0 when none. */
  dividend: number;
  /** New shares per old share from this day on (a 3:1 split is 3); 1 when none. */
  split: number;
}

/** A simplification of the TSE's daily price limits (a band per price level, roughly ±20 %). */
const DAILY_LIMIT = 0.2;

/** Yen ticks: whole yen from 1,000, tenths below. */
function tick(price: number): number {
  return price >= 1000 ? Math.round(price) : Math.round(price * 10) / 10;
}

/** A listing's whole simulated history, columnar (NaN where there was no trade). */
export interface PriceColumns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  dividend: Float64Array;
  split: Float64Array;
}

/**
 * A seeded random walk over `length` trading days: the same symbol and seed always give the same
 * bars. About one day in 400 is a halt (no prices), one in 500 closes at its daily limit (up or
 * down), one in 3,000 is a stock split (prices as traded: they fall by the ratio); now and then a
 * dividend.
 */
export function priceSeries(seed: number, code: string, length: number): PriceColumns {
  const random = seededRandom(hash("prices", seed, code));
  const columns: PriceColumns = {
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
    dividend: new Float64Array(length),
    split: new Float64Array(length).fill(1),
  };
  let close = 200 + random() * 8000;
  const volatility = 0.01 + random() * 0.02;
  for (let index = 0; index < length; index++) {
    if (random() < 0.0025) {
      for (const column of [columns.open, columns.high, columns.low, columns.close, columns.volume])
        column[index] = NaN;
      continue;
    }
    if (random() < 1 / 3000) {
      const ratio = random() < 0.5 ? 2 : 3;
      columns.split[index] = ratio;
      close /= ratio;
    }
    const previous = close;
    const open = tick(close * (1 + normal(random) * volatility * 0.3));
    const limitDay = random();
    close = Math.max(1, close * Math.exp(normal(random) * volatility));
    if (limitDay < 0.001) close = previous * (1 + DAILY_LIMIT);
    else if (limitDay < 0.002) close = Math.max(1, previous * (1 - DAILY_LIMIT));
    const closeTick = tick(close);
    columns.open[index] = open;
    columns.close[index] = closeTick;
    columns.high[index] = limitDay < 0.001 ? closeTick : tick(Math.max(open, closeTick) * (1 + random() * volatility));
    columns.low[index] =
      limitDay >= 0.001 && limitDay < 0.002 ? closeTick : tick(Math.min(open, closeTick) * (1 - random() * volatility));
    columns.volume[index] = Math.round(1000 + random() * 20_000) * 100;
    columns.dividend[index] = random() < 0.004 ? tick(closeTick * 0.01) : 0;
  }
  return columns;
}

/**
 * What Yahoo serves for a window of bars: OHLC divided by every later split in the window (volume
 * multiplied), and adjclose that also takes out every later dividend.
 */
export function yahooAdjusted(bars: readonly DailyBar[]): { bars: DailyBar[]; adjclose: (number | null)[] } {
  const adjusted: DailyBar[] = new Array(bars.length);
  const adjclose: (number | null)[] = new Array(bars.length).fill(null);
  let splitFactor = 1;
  let dividendFactor = 1;
  const round = (value: number | null, factor: number) =>
    value === null ? null : Math.round((value / factor) * 1e6) / 1e6;
  for (let index = bars.length - 1; index >= 0; index--) {
    const bar = bars[index]!;
    adjusted[index] = {
      ...bar,
      open: round(bar.open, splitFactor),
      high: round(bar.high, splitFactor),
      low: round(bar.low, splitFactor),
      close: round(bar.close, splitFactor),
      volume: bar.volume === null ? null : bar.volume * splitFactor,
    };
    adjclose[index] = bar.close === null ? null : Math.round((bar.close / splitFactor) * dividendFactor * 1e6) / 1e6;
    if (bar.dividend > 0 && bar.close !== null) dividendFactor *= 1 - bar.dividend / bar.close;
    splitFactor *= bar.split;
  }
  return { bars: adjusted, adjclose };
}
