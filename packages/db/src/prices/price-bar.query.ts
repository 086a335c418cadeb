import type { Pool } from "pg";

import type { PRICE_ADJUSTMENTS } from "@kabuto/contract";
import type { PriceBarRow, Provider } from "@kabuto/core";

/** How stored prices are read: as traded, split-adjusted, or also for dividends (Yahoo's adjclose). */
export type PriceAdjustment = (typeof PRICE_ADJUSTMENTS)[number];

/** Which stored bars to read: one source's bars of one symbol and interval, between two instants. */
export interface PriceBarQuery {
  source: Provider;
  symbol: string;
  interval: string;
  from: Date;
  to: Date;
  adjust: PriceAdjustment;
  /** Keyset cursor: only bars after this instant. */
  after?: Date | undefined;
  limit: number;
}

/** One bar as read: a stored bar's values, adjusted as asked. */
export type AdjustedBar = Pick<PriceBarRow, "ts" | "open" | "high" | "low" | "close" | "volume" | "turnover">;

/**
 * A page of bars through `price_bars_adjusted()`, the one SQL read path of prices (see its
 * migration), oldest first; `more` says whether bars follow the page.
 */
export async function readPriceBars(pool: Pool, query: PriceBarQuery): Promise<{ bars: AdjustedBar[]; more: boolean }> {
  const { rows } = await pool.query<AdjustedBar>("SELECT * FROM price_bars_adjusted($1, $2, $3, $4, $5, $6, $7, $8)", [
    query.source,
    query.symbol,
    query.interval,
    query.from,
    query.to,
    query.adjust,
    query.after ?? null,
    query.limit + 1,
  ]);
  return { bars: rows.slice(0, query.limit), more: rows.length > query.limit };
}
