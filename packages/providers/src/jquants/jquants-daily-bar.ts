import { z } from "zod";

import type { PriceBarRow } from "@kabuto/core";

const price = z.number().nullish();

/** One row of J-Quants v2 `/equities/bars/daily` (the fields Kabuto keeps; Premium's session columns are ignored). */
export const jquantsDailyBarSchema = z.object({
  Date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  Code: z.string().min(4).max(5),
  O: price,
  H: price,
  L: price,
  C: price,
  Vo: price,
  Va: price,
  AdjFactor: price,
  AdjO: price,
  AdjH: price,
  AdjL: price,
  AdjC: price,
  AdjVo: price,
});
export type JQuantsDailyBar = z.infer<typeof jquantsDailyBarSchema>;

/**
 * J-Quants' 5-character code → the code JPX writes: a trailing 0 that J-Quants appended to a
 * 4-character code goes ("72030" → "7203", "130A0" → "130A"); 5-digit codes ("25935") stay.
 */
export function jpxCodeOf(jquantsCode: string): string {
  return jquantsCode.length === 5 && jquantsCode.endsWith("0") ? jquantsCode.slice(0, 4) : jquantsCode;
}

const orNull = (value: number | null | undefined) => value ?? null;

/**
 * A J-Quants daily bar as Kabuto stores it: prices as traded in open…close, J-Quants' split-adjusted
 * ones in adj_*, both kept; the trading date at 00:00 UTC like every daily bar; nulls stay nulls.
 */
export function priceBarFromJQuants(row: JQuantsDailyBar): PriceBarRow {
  return {
    symbol: `${jpxCodeOf(row.Code)}.T`,
    interval: "1d",
    ts: new Date(`${row.Date}T00:00:00Z`),
    open: orNull(row.O),
    high: orNull(row.H),
    low: orNull(row.L),
    close: orNull(row.C),
    adjOpen: orNull(row.AdjO),
    adjHigh: orNull(row.AdjH),
    adjLow: orNull(row.AdjL),
    adjClose: orNull(row.AdjC),
    volume: orNull(row.Vo),
    adjVolume: orNull(row.AdjVo),
    adjFactor: orNull(row.AdjFactor),
    turnover: orNull(row.Va),
    source: "jquants",
  };
}
