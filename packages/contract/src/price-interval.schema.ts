/** Bar intervals a request may ask for (Yahoo's chart intervals; J-Quants serves `1d`). */
export const PRICE_INTERVALS = [
  "1m",
  "2m",
  "5m",
  "15m",
  "30m",
  "60m",
  "90m",
  "1h",
  "1d",
  "5d",
  "1wk",
  "1mo",
  "3mo",
] as const;
/** One bar interval. */
export type PriceInterval = (typeof PRICE_INTERVALS)[number];

/** How far back a bulk fetch reaches (Yahoo's chart ranges). */
export const PRICE_PERIODS = ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"] as const;
/** One period. */
export type PricePeriod = (typeof PRICE_PERIODS)[number];
