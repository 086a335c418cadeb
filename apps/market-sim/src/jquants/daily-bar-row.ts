import type { MarketState } from "../market-state";
import type { DailyBar } from "../prices/price-series";
import type { Listing } from "../universe/listing";
import { jquantsCode } from "./jquants-query";

/** The columns of `/equities/bars/daily`, in J-Quants' order (also the bulk CSV header). */
export const DAILY_BAR_COLUMNS = [
  "Date",
  "Code",
  "O",
  "H",
  "L",
  "C",
  "UL",
  "LL",
  "Vo",
  "Va",
  "AdjFactor",
  "AdjO",
  "AdjH",
  "AdjL",
  "AdjC",
  "AdjVo",
] as const;
export type DailyBarRow = Record<(typeof DAILY_BAR_COLUMNS)[number], string | number | null>;

const adjusted = (value: number | null, factor: number) =>
  value === null ? null : Math.round(value * factor * 10) / 10;

/**
 * One J-Quants daily bar: prices as traded, their split-adjusted twins on today's share count
 * (J-Quants adjusts for splits only, never for dividends), UL/LL "1" on a limit-up/limit-down close,
 * null OHLCV on a day without trades.
 */
export function dailyBarRow(state: MarketState, listing: Listing, bar: DailyBar): DailyBarRow {
  const toToday = state.splitAdjustment(listing.code, bar.date);
  return {
    Date: bar.date,
    Code: jquantsCode(listing.code),
    O: bar.open,
    H: bar.high,
    L: bar.low,
    C: bar.close,
    UL: bar.limit === 1 ? "1" : "0",
    LL: bar.limit === -1 ? "1" : "0",
    Vo: bar.volume,
    Va: bar.volume === null || bar.close === null ? null : Math.round(bar.volume * bar.close),
    AdjFactor: 1 / bar.split,
    AdjO: adjusted(bar.open, toToday),
    AdjH: adjusted(bar.high, toToday),
    AdjL: adjusted(bar.low, toToday),
    AdjC: adjusted(bar.close, toToday),
    AdjVo: bar.volume === null ? null : Math.round(bar.volume / toToday),
  };
}
