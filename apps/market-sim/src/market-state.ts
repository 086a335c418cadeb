import { shiftTradingDays, tradingDaysBetween } from "@kabuto/core";
import { createPriceBook, type DailyBar } from "./prices/price-series";
import type { Listing } from "./universe/listing";
import { createUniverse, listingsOn } from "./universe/universe";

/** Years of price history every listing has before the first simulated day. */
const HISTORY_YEARS = 10;
/** Trading days the simulation can advance past its first day. */
const FUTURE_DAYS = 260;

/** The simulated market: a universe, a calendar position ("day") and lazily made prices. */
export function createMarketState(options: { seed: number; baseDate: string }) {
  const universe = createUniverse(options.seed);
  const byCode = new Map(universe.map((listing) => [listing.code, listing]));
  const firstDate = `${Number(options.baseDate.slice(0, 4)) - HISTORY_YEARS}${options.baseDate.slice(4)}`;
  const days = tradingDaysBetween(firstDate, shiftTradingDays(options.baseDate, FUTURE_DAYS));
  const baseIndex = sortedIndex(days, options.baseDate);
  const prices = createPriceBook(options.seed, days.length);
  let day = 0;

  /** Index in `days` of simulated day `simulatedDay` (0 = the base date). */
  const indexOfDay = (simulatedDay: number) => Math.min(baseIndex + simulatedDay, days.length - 1);
  const todayIndex = () => indexOfDay(day);
  /** The simulated day of a past or present trading date (every date before the base date is day 0). */
  const dayOfIndex = (index: number) => Math.max(0, index - baseIndex);

  /** The trading-day indexes a listing traded on: from its listing to its last day or today. */
  function life(listing: Listing): { first: number; last: number } {
    const first = listing.listedFrom > 0 ? indexOfDay(listing.listedFrom) : 0;
    const end = Number.isFinite(listing.delistedFrom) ? indexOfDay(listing.delistedFrom) : Infinity;
    return { first, last: Math.min(todayIndex(), end - 1) };
  }

  return {
    seed: options.seed,
    /** Every trading date of the simulation, past and future, oldest first. */
    calendar: days as readonly string[],
    get day() {
      return day;
    },
    /** The simulated trading date ("today"). */
    get today() {
      return days[todayIndex()]!;
    },
    advanceDay() {
      day += 1;
    },
    reset() {
      day = 0;
    },
    /** Listings trading today. */
    listings: () => listingsOn(universe, day),
    /** A listing trading today. */
    listing(code: string): Listing | undefined {
      const listing = byCode.get(code);
      return listing && listingsOn([listing], day)[0];
    },
    /** A listing that has traded by today, delisted or not (J-Quants keeps the history of both). */
    everListed(code: string): Listing | undefined {
      const listing = byCode.get(code);
      return listing && listing.listedFrom <= day ? listing : undefined;
    },
    /** Trading dates from `from` to `to` (both included), none after today. */
    tradingDates(from: string, to: string): string[] {
      const end = Math.min(todayIndex(), sortedIndex(days, shiftTradingDays(to, 1)) - 1);
      return days.slice(sortedIndex(days, from), end + 1);
    },
    /** A listing's bars from `from` to `to` (default today), both included, within its life. */
    bars(listing: Listing, from: string, to = days[todayIndex()]!): DailyBar[] {
      const { first, last } = life(listing);
      const start = Math.max(first, sortedIndex(days, from));
      const end = Math.min(last, sortedIndex(days, shiftTradingDays(to, 1)) - 1);
      const bars: DailyBar[] = [];
      for (let index = start; index <= end; index++) bars.push(prices.bar(listing.code, index, days[index]!));
      return bars;
    },
    /** Every listing trading on `date` with its bar; none when it is not a trading day up to today. */
    barsOn(date: string): { listing: Listing; bar: DailyBar }[] {
      const index = sortedIndex(days, date);
      if (days[index] !== date || index > todayIndex()) return [];
      return listingsOn(universe, dayOfIndex(index)).map((listing) => ({
        listing,
        bar: prices.bar(listing.code, index, date),
      }));
    },
    /** Splits the plan holds for listings trading today, from `from` to `to` (dates, both included), future ones too. */
    plannedSplits(from: string, to: string): { code: string; date: string; ratio: number }[] {
      const start = sortedIndex(days, from);
      const end = sortedIndex(days, shiftTradingDays(to, 1)) - 1;
      return listingsOn(universe, day).flatMap((listing) =>
        prices
          .splitsBetween(listing.code, start, end)
          .map((split) => ({ code: listing.code, date: days[split.index]!, ratio: split.ratio })),
      );
    },
    /** What multiplies a price of `date` to put it on today's share count (J-Quants' Adj*): 1 without later splits. */
    splitAdjustment(code: string, date: string): number {
      return prices.sharesAfter(code, sortedIndex(days, date)) / prices.sharesAfter(code, todayIndex());
    },
  };
}

/** The first index whose day is not before `date`. */
function sortedIndex(days: readonly string[], date: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]! < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

export type MarketState = ReturnType<typeof createMarketState>;
