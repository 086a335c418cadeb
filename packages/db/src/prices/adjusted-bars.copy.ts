import type { Readable } from "node:stream";

import type { Pool } from "pg";
import { to as copyTo } from "pg-copy-streams";

import type { Provider } from "@kabuto/core";

import type { PriceAdjustment } from "./price-bar.query";

/** Which daily bars to stream: one source's, of some symbols, between two Tokyo dates (inclusive). */
export interface AdjustedBarsQuery {
  source: Provider;
  /** Yahoo symbols ("7203.T"), in the order their rows come. */
  symbols: readonly string[];
  from: string;
  to: string;
  adjust: PriceAdjustment;
  /** Only bars with positive prices: halts (no prices) and non-positive prices have no features. */
  pricedOnly?: boolean;
}

/** The columns of every streamed row, in order. */
export const ADJUSTED_BAR_COLUMNS = ["code", "date", "open", "high", "low", "close", "volume", "turnover"] as const;

const PRICED = "b.open > 0 AND b.high > 0 AND b.low > 0 AND b.close > 0";

/**
 * The COPY statement of the whole selection through `price_bars_adjusted()` (the one read path of
 * prices), a symbol at a time so rows come ordered by symbol, then date. Symbols are literals:
 * COPY takes no parameters, and each one has passed toYahooSymbol's pattern.
 */
function copySql(query: AdjustedBarsQuery, header: boolean): string {
  for (const symbol of query.symbols) {
    if (!/^[0-9A-Z]{4,5}\.T$/.test(symbol)) throw new Error(`not a Yahoo symbol: ${symbol}`);
  }
  const from = `'${query.from}T00:00:00+09:00'::timestamptz`;
  const to = `'${query.to}T23:59:59.999+09:00'::timestamptz`;
  if (![query.from, query.to].every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)))
    throw new Error("dates are YYYY-MM-DD");
  const symbols = `ARRAY[${query.symbols.map((symbol) => `'${symbol}'`).join(",")}]::text[]`;
  return `COPY (
    SELECT left(s.symbol, -2) AS code, (b.ts AT TIME ZONE 'Asia/Tokyo')::date AS date,
      b.open, b.high, b.low, b.close, round(b.volume) AS volume, b.turnover
    FROM unnest(${symbols}) WITH ORDINALITY AS s(symbol, n)
    CROSS JOIN LATERAL price_bars_adjusted('${query.source}', s.symbol, '1d', ${from}, ${to}, '${query.adjust}', NULL, 2147483647) b
    ${query.pricedOnly ? `WHERE ${PRICED}` : ""}
    ORDER BY s.n, b.ts
  ) TO STDOUT (FORMAT csv${header ? ", HEADER" : ""})`;
}

/**
 * Streams the adjusted daily bars of a selection as CSV (columns {@link ADJUSTED_BAR_COLUMNS}) with
 * PostgreSQL COPY: nothing is held beyond the stream's buffers, however many rows. The connection
 * goes back to the pool when the stream ends, fails or is destroyed.
 */
export async function streamAdjustedBarsCsv(
  pool: Pool,
  query: AdjustedBarsQuery,
  options: { header?: boolean } = {},
): Promise<Readable> {
  const client = await pool.connect();
  const stream = client.query(copyTo(copySql(query, options.header ?? false)));
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  stream.on("end", () => release());
  stream.on("error", (error) => release(error));
  stream.on("close", () => release(stream.readableEnded ? undefined : new Error("COPY stream destroyed")));
  return stream;
}

/** The Yahoo symbols with daily bars from `source` between two Tokyo dates, of one market when asked, sorted. */
export async function symbolsWithBars(
  pool: Pool,
  scope: { source: Provider; from: string; to: string; symbols?: readonly string[]; marketCode?: string },
): Promise<string[]> {
  const { rows } = await pool.query<{ symbol: string }>(
    `SELECT DISTINCT b.symbol FROM price_bars b
     WHERE b.source = $1 AND b.interval = '1d'
       AND b.ts >= ($2::date::timestamp AT TIME ZONE 'Asia/Tokyo')
       AND b.ts < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')
       AND ($4::text[] IS NULL OR b.symbol = ANY($4))
       AND ($5::text IS NULL OR EXISTS (
         SELECT 1 FROM companies c WHERE c.code = left(b.symbol, -2) AND c.market_code = $5))
     ORDER BY b.symbol`,
    [scope.source, scope.from, scope.to, scope.symbols ? [...scope.symbols] : null, scope.marketCode ?? null],
  );
  return rows.map((row) => row.symbol);
}

/** Of `symbols` (Yahoo symbols), those no company of the master has: "unknown codes". */
export async function unknownSymbols(pool: Pool, symbols: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ symbol: string }>(
    `SELECT s.symbol FROM unnest($1::text[]) AS s(symbol)
     WHERE NOT EXISTS (SELECT 1 FROM companies c WHERE c.code = left(s.symbol, -2))
     ORDER BY s.symbol`,
    [[...symbols]],
  );
  return rows.map((row) => row.symbol);
}
