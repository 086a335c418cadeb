/** One bar as the recursive features read it (split-adjusted, positive prices). */
export interface RecursiveInput {
  high: number;
  low: number;
  close: number;
}

/** The features each of which depends on every earlier row, computed in one pass per symbol. */
export interface RecursiveFeatures {
  ema_5: number;
  ema_10: number;
  ema_20: number;
  ema_60: number;
  macd: number;
  macd_signal: number;
  macd_histogram: number;
  rsi_14: number | null;
  true_range: number | null;
  atr_14: number | null;
}

/**
 * The extra CSV columns after the bar's own, in order; the histogram and the true range are left
 * to DuckDB, which has what they need in the row (fewer numbers printed and parsed).
 */
export const RECURSIVE_COLUMNS = [
  "ema_5",
  "ema_10",
  "ema_20",
  "ema_60",
  "macd",
  "macd_signal",
  "rsi_14",
  "atr_14",
] as const satisfies readonly (keyof RecursiveFeatures)[];

/** Wilder's period of RSI and ATR. */
const WILDER = 14;

/** pandas `ewm(span=n, adjust=False)`: α = 2/(n+1), seeded by the first value. */
function ema(span: number) {
  const alpha = 2 / (span + 1);
  let value: number | undefined;
  return (x: number) => (value = value === undefined ? x : alpha * x + (1 - alpha) * value);
}

/**
 * Wilder's smoothing: null until `period` values have come, then their simple mean, then
 * (prev·(period − 1) + x)/period.
 */
function wilder(period: number) {
  let seen = 0;
  let sum = 0;
  let value: number | null = null;
  return (x: number) => {
    if (value !== null) return (value = (value * (period - 1) + x) / period);
    seen += 1;
    sum += x;
    if (seen === period) value = sum / period;
    return value;
  };
}

/**
 * The recurrences of one symbol's rows, fed in date order: EMA 5/10/20/60, MACD (EMA12 − EMA26)
 * with its signal (EMA9 of MACD) and histogram, Wilder's RSI 14 and ATR 14 over the true range.
 * A row's values depend on that row and the earlier ones only. The first row has no previous close:
 * no change for RSI and no true range.
 */
export function recursiveFeatures() {
  const emas = { ema_5: ema(5), ema_10: ema(10), ema_20: ema(20), ema_60: ema(60) };
  const ema12 = ema(12);
  const ema26 = ema(26);
  const signal = ema(9);
  const gains = wilder(WILDER);
  const losses = wilder(WILDER);
  const atr = wilder(WILDER);
  let previousClose: number | undefined;
  let rsi: number | null = null;
  let averageTrueRange: number | null = null;

  return (bar: RecursiveInput): RecursiveFeatures => {
    const macd = ema12(bar.close) - ema26(bar.close);
    const macdSignal = signal(macd);
    let trueRange: number | null = null;
    if (previousClose !== undefined) {
      const change = bar.close - previousClose;
      const gain = gains(Math.max(change, 0));
      const loss = losses(Math.max(-change, 0));
      rsi = gain === null || loss === null ? null : loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
      trueRange = Math.max(bar.high - bar.low, Math.abs(bar.high - previousClose), Math.abs(bar.low - previousClose));
      averageTrueRange = atr(trueRange);
    }
    previousClose = bar.close;
    return {
      ema_5: emas.ema_5(bar.close),
      ema_10: emas.ema_10(bar.close),
      ema_20: emas.ema_20(bar.close),
      ema_60: emas.ema_60(bar.close),
      macd,
      macd_signal: macdSignal,
      macd_histogram: macd - macdSignal,
      rsi_14: rsi,
      true_range: trueRange,
      atr_14: averageTrueRange,
    };
  };
}
