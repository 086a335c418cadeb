import { hash, normal, seededRandom } from "../random";

/** One simulated trading day of one listing. Null prices: no trade that day (a halt). */
export interface DailyBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  /** Cumulative dividends paid from this bar on, for adjclose. */
  dividend: number;
}

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
}

/**
 * A seeded random walk over `length` trading days: the same symbol and seed always give the same
 * bars. About one day in 400 is a halt (no prices); now and then a dividend.
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
  };
  let close = 200 + random() * 8000;
  const volatility = 0.01 + random() * 0.02;
  for (let index = 0; index < length; index++) {
    if (random() < 0.0025) {
      for (const column of [columns.open, columns.high, columns.low, columns.close, columns.volume])
        column[index] = NaN;
      continue;
    }
    const open = tick(close * (1 + normal(random) * volatility * 0.3));
    close = Math.max(1, close * Math.exp(normal(random) * volatility));
    const closeTick = tick(close);
    columns.open[index] = open;
    columns.close[index] = closeTick;
    columns.high[index] = tick(Math.max(open, closeTick) * (1 + random() * volatility));
    columns.low[index] = tick(Math.min(open, closeTick) * (1 - random() * volatility));
    columns.volume[index] = Math.round(1000 + random() * 20_000) * 100;
    columns.dividend[index] = random() < 0.004 ? tick(closeTick * 0.01) : 0;
  }
  return columns;
}

/** Dividend-adjusted closes, as Yahoo's adjclose: earlier closes scaled down by each later dividend. */
export function adjustedCloses(bars: readonly DailyBar[]): (number | null)[] {
  const adjusted: (number | null)[] = new Array(bars.length).fill(null);
  let factor = 1;
  for (let index = bars.length - 1; index >= 0; index--) {
    const bar = bars[index]!;
    adjusted[index] = bar.close === null ? null : Math.round(bar.close * factor * 1e6) / 1e6;
    if (bar.dividend > 0 && bar.close !== null) factor *= 1 - bar.dividend / bar.close;
  }
  return adjusted;
}
