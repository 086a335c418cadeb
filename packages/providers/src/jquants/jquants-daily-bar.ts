import { z } from "zod";

import type { CorporateActionRow, PriceBarRow } from "@kabuto/core";

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

/** The Yahoo-form symbol Kabuto stores a J-Quants code under ("72030" → "7203.T"). */
export const symbolOfJQuantsCode = (code: string) => `${jpxCodeOf(code)}.T`;

const orNull = (value: number | null | undefined) => value ?? null;

/**
 * A J-Quants daily bar as Kabuto stores it: O/H/L/C/Vo as traded (J-Quants' Adj* columns are
 * recomputed on read from the actions), the trading date at 00:00 UTC like every daily bar; nulls stay nulls.
 */
export function priceBarFromJQuants(row: JQuantsDailyBar): PriceBarRow {
  return {
    source: "jquants",
    symbol: symbolOfJQuantsCode(row.Code),
    interval: "1d",
    ts: new Date(`${row.Date}T00:00:00Z`),
    open: orNull(row.O),
    high: orNull(row.H),
    low: orNull(row.L),
    close: orNull(row.C),
    volume: orNull(row.Vo),
    turnover: orNull(row.Va),
  };
}

/** J-Quants' AdjFactor on an ex-date (0.5 for a 2:1 split) as a split action; undefined on other days. */
export function splitFromJQuants(row: JQuantsDailyBar): CorporateActionRow | undefined {
  if (!row.AdjFactor || row.AdjFactor === 1) return undefined;
  return {
    source: "jquants",
    symbol: symbolOfJQuantsCode(row.Code),
    exDate: row.Date,
    kind: "split",
    // AdjFactor is rounded (0.333333 for 3:1): the ratio is kept to six significant digits.
    ratio: Number((1 / row.AdjFactor).toPrecision(6)),
  };
}
