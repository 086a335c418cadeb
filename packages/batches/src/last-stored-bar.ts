import type { Provider } from "@kabuto/core";
import { lastBarDates, type Database } from "@kabuto/db";

/** The date (YYYY-MM-DD) of one symbol's last stored bar of a source and interval, if any. */
export type LastStoredBar = (params: {
  source: Provider;
  symbol: string;
  interval: string;
}) => Promise<string | undefined>;

/**
 * Where an incremental unit starts, read when its job runs (one probe of the primary key), so a
 * resumed or retried unit starts from what is stored by then.
 */
export function lastStoredBar(db: Database): LastStoredBar {
  return async ({ source, symbol, interval }) =>
    (await lastBarDates(db.pool, { source, interval, symbols: [symbol] })).get(symbol);
}
