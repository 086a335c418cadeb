import type { Pool } from "pg";

import type { PriceBarRow } from "@kabuto/core";

import { arrayLiteral, type ArrayType } from "./array-literal";

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

/** How each column travels: its parameter's element type, and the stored value made of it. */
const PARAMETERS: Record<
  (typeof COLUMNS)[number][2],
  { type: ArrayType; sql: string; value: (name: string) => string }
> = {
  provider: { type: "text", sql: "provider", value: (name) => name },
  text: { type: "text", sql: "text", value: (name) => name },
  // Milliseconds since the epoch: integers cost a fraction of ISO strings to write and to parse.
  timestamptz: {
    type: "epochMs",
    sql: "int8",
    value: (name) => `'epoch'::timestamptz + ${name} * interval '1 millisecond'`,
  },
  float8: { type: "number", sql: "float8", value: (name) => name },
  int8: { type: "number", sql: "int8", value: (name) => name },
};

const UPSERT_SQL = `
  INSERT INTO price_bars (${COLUMNS.map(([column]) => column).join(", ")}, updated_at)
  SELECT ${COLUMNS.map(([column, , type]) => PARAMETERS[type].value(`bar."${column}"`)).join(", ")}, now()
  FROM unnest(${COLUMNS.map(([, , type], index) => `$${index + 1}::${PARAMETERS[type].sql}[]`).join(", ")})
    AS bar(${COLUMNS.map(([column]) => `"${column}"`).join(", ")})
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
      COLUMNS.map(([, field, type]) =>
        arrayLiteral(
          chunk.map((bar) => bar[field]),
          PARAMETERS[type].type,
        ),
      ),
    );
    written += result.rowCount ?? 0;
  }
  return written;
}

/** One symbol's bars in time order (as a unit's answer comes): no key can repeat. */
function inKeyOrder(bars: readonly PriceBarRow[]): boolean {
  for (let index = 1; index < bars.length; index++) {
    const before = bars[index - 1]!;
    const bar = bars[index]!;
    if (bar.source !== before.source || bar.symbol !== before.symbol || bar.interval !== before.interval) return false;
    if (bar.ts.getTime() <= before.ts.getTime()) return false;
  }
  return true;
}

/** ON CONFLICT cannot touch one row twice in a statement: the last bar for a key wins. */
function dedupe(bars: readonly PriceBarRow[]): readonly PriceBarRow[] {
  if (inKeyOrder(bars)) return bars;
  const byKey = new Map<string, PriceBarRow>();
  for (const bar of bars)
    byKey.set(`${bar.source}\u0000${bar.symbol}\u0000${bar.interval}\u0000${bar.ts.getTime()}`, bar);
  return [...byKey.values()];
}
