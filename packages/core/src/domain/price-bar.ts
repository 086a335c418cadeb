import type { Provider } from "../queue/job-payloads";

/**
 * One bar as Kabuto stores it: prices and volume as traded (CRSP's model), whatever the source;
 * adjusted series are computed on read from the corporate actions. A missing value is null, never zero.
 */
export interface PriceBarRow {
  source: Provider;
  /** Yahoo symbol ("7203.T"). */
  symbol: string;
  interval: string;
  /** Daily and longer bars: the trading date (Asia/Tokyo) at 00:00 UTC. Intraday: the bar's start. */
  ts: Date;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  turnover: number | null;
}

/** A split or a dividend of one symbol, as one source reports it. */
export type CorporateActionRow = {
  source: Provider;
  symbol: string;
  /** The first trading day on the new basis (YYYY-MM-DD). */
  exDate: string;
} & (
  | { kind: "split"; /** New shares per old share: a 3:1 split is 3. */ ratio: number }
  | { kind: "dividend"; /** Yen per share, as traded. */ amount: number }
);

/** What fetching one unit of a batch brought: its bars, and the actions its answer listed. */
export interface PriceUnitData {
  bars: PriceBarRow[];
  actions: CorporateActionRow[];
}
