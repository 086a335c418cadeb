import type { Pool } from "pg";

import type { PriceBarRow } from "@kabuto/core";

const COLUMNS = [
  ["source", "source", "provider"],
  ["symbol", "symbol", "text"],
  ["interval", "interval", "text"],
  ["ts", "ts", "timestamptz"],
  ["open", "open", "float8"],
  ["high", "high", "float8"],
  ["low", "low", "float8"],
  ["close", "close", "float8"],
  ["volume", "volume", "int8"],
  ["turnover", "turnover", "float8"],
] as const satisfies readonly (readonly [string, keyof PriceBarRow, string])[];

const KEY = new Set(["source", "symbol", "interval", "ts"]);
const VALUES = COLUMNS.map(([column]) => column).filter((column) => !KEY.has(column));

const UPSERT_SQL = `
  INSERT INTO price_bars (${COLUMNS.map(([column]) => column).join(", ")}, updated_at)
  SELECT *, now() FROM unnest(${COLUMNS.map(([, , type], index) => `$${index + 1}::${type}[]`).join(", ")})
  ON CONFLICT (source, symbol, interval, ts) DO UPDATE SET
    ${VALUES.map((column) => `${column} = EXCLUDED.${column}`).join(", ")},
    split_basis = NULL, updated_at = now()
  WHERE price_bars.split_basis IS NOT NULL
     OR (${VALUES.map((column) => `price_bars.${column}`).join(", ")})
        IS DISTINCT FROM (${VALUES.map((column) => `EXCLUDED.${column}`).join(", ")})`;

/** Rows per statement: 10 arrays of this many values stay well inside PostgreSQL's limits. */
const CHUNK = 5_000;

/**
 * Stores bars idempotently in bulk: one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE` per
 * chunk of rows (raw SQL: Prisma's createMany is many times slower and cannot upsert). Storing the
 * same bars twice leaves one row each, and a bar stored again unchanged is not rewritten (a daily
 * update fetches each symbol's last bar again). Returns the number of rows written: new or changed.
 */
export async function upsertPriceBars(pool: Pool, bars: readonly PriceBarRow[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < bars.length; start += CHUNK) {
    const chunk = dedupe(bars.slice(start, start + CHUNK));
    const result = await pool.query(
      UPSERT_SQL,
      COLUMNS.map(([, field]) => chunk.map((bar) => bar[field])),
    );
    written += result.rowCount ?? 0;
  }
  return written;
}

/** ON CONFLICT cannot touch one row twice in a statement: the last bar for a key wins. */
function dedupe(bars: readonly PriceBarRow[]): PriceBarRow[] {
  const byKey = new Map<string, PriceBarRow>();
  for (const bar of bars)
    byKey.set(`${bar.source}\u0000${bar.symbol}\u0000${bar.interval}\u0000${bar.ts.getTime()}`, bar);
  return [...byKey.values()];
}
