import { hash, normal, seededRandom } from "../random";
import type { DailyBar } from "../prices/price-series";

/** TSE sessions in minutes after 09:00 JST (00:00 UTC): 09:00–11:30 and 12:30–15:30. */
const SESSIONS: readonly [number, number][] = [
  [0, 150],
  [210, 390],
];

export const INTERVAL_MINUTES: Record<string, number> = {
  "1m": 1,
  "2m": 2,
  "5m": 5,
  "15m": 15,
  "30m": 30,
  "60m": 60,
  "90m": 90,
  "1h": 60,
};

export interface IntradayBar {
  /** Epoch seconds of the bar's start. */
  time: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
}

/**
 * A day's intraday bars, deterministic for the symbol and day: a seeded path from the day's open to
 * its close inside its high and low, the volume spread over the bars. A halt day has no bars.
 */
export function intradayBars(seed: number, code: string, day: DailyBar, minutes: number): IntradayBar[] {
  if (day.open === null || day.close === null || day.high === null || day.low === null || day.volume === null)
    return [];
  const random = seededRandom(hash("intraday", seed, code, day.date, minutes));
  const starts = SESSIONS.flatMap(([from, to]) =>
    Array.from({ length: Math.ceil((to - from) / minutes) }, (_, index) => from + index * minutes),
  );
  const dayStart = Date.parse(`${day.date}T00:00:00Z`) / 1000;
  const clamp = (value: number) => Math.min(day.high!, Math.max(day.low!, Math.round(value * 10) / 10));
  let price = day.open;
  return starts.map((start, index) => {
    const target =
      index === starts.length - 1 ? day.close! : day.open! + ((day.close! - day.open!) * (index + 1)) / starts.length;
    const open = price;
    const close = clamp(target + normal(random) * (day.high! - day.low!) * 0.05);
    price = close;
    return {
      time: dayStart + start * 60,
      open,
      high: clamp(Math.max(open, close) + random() * (day.high! - day.low!) * 0.05),
      low: clamp(Math.min(open, close) - random() * (day.high! - day.low!) * 0.05),
      close,
      volume: Math.round(day.volume! / starts.length / 100) * 100,
    };
  });
}
