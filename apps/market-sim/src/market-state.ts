import { shiftTradingDays, tradingDaysBetween } from "./calendar/tse-calendar";
import { priceSeries, type DailyBar, type PriceColumns } from "./prices/price-series";
import type { Listing } from "./universe/listing";
import { createUniverse, listingsOn } from "./universe/universe";

/** Years of price history every listing has before the first simulated day. */
const HISTORY_YEARS = 10;

const orNull = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

/** The simulated market: a universe, a calendar position ("day") and lazily made price series. */
export function createMarketState(options: { seed: number; baseDate: string }) {
  const universe = createUniverse(options.seed);
  const byCode = new Map(universe.map((listing) => [listing.code, listing]));
  const firstDate = `${Number(options.baseDate.slice(0, 4)) - HISTORY_YEARS}${options.baseDate.slice(4)}`;
  const lastDate = shiftTradingDays(options.baseDate, 260);
  const days = tradingDaysBetween(firstDate, lastDate);
  const series = new Map<string, PriceColumns>();
  let day = 0;

  const dateOf = (simulatedDay: number) => shiftTradingDays(options.baseDate, simulatedDay);

  return {
    seed: options.seed,
    get day() {
      return day;
    },
    /** The simulated trading date ("today"). */
    get today() {
      return dateOf(day);
    },
    advanceDay() {
      day += 1;
    },
    reset() {
      day = 0;
    },
    listings: () => listingsOn(universe, day),
    listing(code: string): Listing | undefined {
      const listing = byCode.get(code);
      return listing && listingsOn([listing], day)[0];
    },
    /** Bars from `from` to today (both included), within the listing's life. */
    bars(listing: Listing, from: string): DailyBar[] {
      let columns = series.get(listing.code);
      if (!columns) {
        columns = priceSeries(options.seed, listing.code, days.length);
        series.set(listing.code, columns);
      }
      const listedOn = listing.listedFrom > 0 ? dateOf(listing.listedFrom) : from;
      const first = sortedIndex(days, listedOn > from ? listedOn : from);
      const last = sortedIndex(days, shiftTradingDays(dateOf(day), 1));
      const bars: DailyBar[] = [];
      for (let index = first; index < last; index++) {
        bars.push({
          date: days[index]!,
          open: orNull(columns.open[index]),
          high: orNull(columns.high[index]),
          low: orNull(columns.low[index]),
          close: orNull(columns.close[index]),
          volume: orNull(columns.volume[index]),
          dividend: columns.dividend[index] ?? 0,
          split: columns.split[index] ?? 1,
        });
      }
      return bars;
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
