import { PRICE_INTERVALS, PRICE_PERIODS } from "@kabuto/contract";

/** Intervals Yahoo's chart API serves (the contract's list: a request may ask for any of them). */
export const YAHOO_INTERVALS = PRICE_INTERVALS;
export type YahooInterval = (typeof YAHOO_INTERVALS)[number];

/** Ranges Yahoo's chart API accepts. */
export const YAHOO_RANGES = PRICE_PERIODS;
export type YahooRange = (typeof YAHOO_RANGES)[number];

/** Days back each range reaches (`max`: all of a symbol's history). */
export const YAHOO_RANGE_DAYS: Readonly<Record<YahooRange, number>> = {
  "1d": 1,
  "5d": 5,
  "1mo": 31,
  "3mo": 92,
  "6mo": 183,
  "1y": 366,
  "2y": 731,
  "5y": 1827,
  "10y": 3653,
  ytd: 366,
  max: Number.POSITIVE_INFINITY,
};

/** How far back Yahoo keeps intraday history, in days (1m about a week, 1h two years). */
export const YAHOO_INTRADAY_HISTORY_DAYS: Readonly<Partial<Record<YahooInterval, number>>> = {
  "1m": 7,
  "2m": 60,
  "5m": 60,
  "15m": 60,
  "30m": 60,
  "60m": 730,
  "90m": 60,
  "1h": 730,
};

/** Daily and longer bars are stamped with their trading date; intraday ones with their start. */
export function isIntraday(interval: YahooInterval): boolean {
  return interval in YAHOO_INTRADAY_HISTORY_DAYS;
}

/** Why Yahoo cannot serve `interval` over `range`, or undefined when it can. */
export function unservableRange(interval: YahooInterval, range: YahooRange): string | undefined {
  const limit = YAHOO_INTRADAY_HISTORY_DAYS[interval];
  if (limit === undefined || YAHOO_RANGE_DAYS[range] <= limit) return undefined;
  return `interval ${interval} only reaches ${limit} days back; range ${range} is longer`;
}
