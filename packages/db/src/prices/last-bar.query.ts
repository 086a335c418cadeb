import type { Pool } from "pg";

import type { Provider } from "@kabuto/core";

/** One backward probe of the primary key (source, symbol, interval, ts) per symbol, never a scan. */
const LAST_BAR_SQL = `
  SELECT s.symbol, to_char(last.ts AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day
  FROM unnest($3::text[]) AS s(symbol)
  CROSS JOIN LATERAL (
    SELECT ts FROM price_bars WHERE source = $1 AND symbol = s.symbol AND interval = $2 ORDER BY ts DESC LIMIT 1
  ) AS last`;

/**
 * The Tokyo date (YYYY-MM-DD) of each symbol's last stored bar of one source and interval; a
 * symbol without bars is left out. Where an incremental update starts.
 */
export async function lastBarDates(
  pool: Pool,
  query: { source: Provider; interval: string; symbols: readonly string[] },
): Promise<Map<string, string>> {
  if (query.symbols.length === 0) return new Map();
  const { rows } = await pool.query<{ symbol: string; day: string }>(LAST_BAR_SQL, [
    query.source,
    query.interval,
    query.symbols,
  ]);
  return new Map(rows.map((row) => [row.symbol, row.day]));
}
