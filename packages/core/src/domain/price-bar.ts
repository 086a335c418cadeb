import type { Provider } from "../queue/job-payloads";

/**
 * One bar as Kabuto stores it. Yahoo's OHLC is already split-adjusted and kept as sent, with its
 * dividend-adjusted close in adjClose; J-Quants' raw OHLCV and its adjusted values are both kept.
 * A missing value is null, never zero.
 */
export interface PriceBarRow {
  /** Yahoo symbol ("7203.T"). */
  symbol: string;
  interval: string;
  /** Daily and longer bars: the trading date (Asia/Tokyo) at 00:00 UTC. Intraday: the bar's start. */
  ts: Date;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjOpen: number | null;
  adjHigh: number | null;
  adjLow: number | null;
  adjClose: number | null;
  volume: number | null;
  adjVolume: number | null;
  adjFactor: number | null;
  turnover: number | null;
  source: Provider;
}
