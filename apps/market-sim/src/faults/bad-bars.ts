import { z } from "zod";

import type { DailyBar } from "../prices/price-series";

/** How many times its price a `jump` bar and every later one are worth: +45 %, with no action behind it. */
const JUMP_FACTOR = 1.45;

/**
 * A bad bar to serve, the way a real feed misbehaves: `high_below_low` swaps that day's high and
 * low; `jump` raises that day's prices and every later day's by 45 % (a level shift, like a capital
 * change the feed never announced, so exactly one day jumps); `missing` leaves that day out.
 */
export const badBarSchema = z.object({
  /** The JPX code ("7203"). */
  code: z.string().regex(/^[0-9][0-9A-Z]{3}[0-9]?$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(["high_below_low", "jump", "missing"]),
});
export type BadBar = z.infer<typeof badBarSchema>;

const scaled = (price: number | null) => (price === null ? null : Math.round(price * JUMP_FACTOR * 10) / 10);

/** One listing's bar as served with the bad bars injected; undefined when it is to be left out. */
export function withBadBars(code: string, bar: DailyBar, badBars: readonly BadBar[]): DailyBar | undefined {
  let served = bar;
  for (const bad of badBars) {
    if (bad.code !== code) continue;
    if (bad.kind === "missing" && bad.date === bar.date) return undefined;
    if (bad.kind === "high_below_low" && bad.date === bar.date)
      served = { ...served, high: served.low, low: served.high };
    if (bad.kind === "jump" && bar.date >= bad.date) {
      served = {
        ...served,
        open: scaled(served.open),
        high: scaled(served.high),
        low: scaled(served.low),
        close: scaled(served.close),
      };
    }
  }
  return served;
}

/** A listing's bars as served with the bad bars injected. */
export function seriesWithBadBars(code: string, bars: readonly DailyBar[], badBars: readonly BadBar[]): DailyBar[] {
  if (!badBars.some((bad) => bad.code === code)) return [...bars];
  return bars.flatMap((bar) => withBadBars(code, bar, badBars) ?? []);
}
