import type { Pool } from "pg";

import { shiftTradingDays } from "@kabuto/core";

/** A symbol of the dataset fixture and how many trading days of bars it has. */
export interface FixtureSymbol {
  code: string;
  days: number;
  /** A 2:1 split ex on this (0-based) day: the stored prices halve from it on. */
  splitOnDay?: number;
}

/** Two symbols with enough history for every window, one of them split, and one with too few bars. */
export const DATASET_FIXTURE_SYMBOLS: readonly FixtureSymbol[] = [
  { code: "7203", days: 130 },
  { code: "6758", days: 130, splitOnDay: 70 },
  { code: "9984", days: 12 },
];

/** The fixture's first trading day. */
export const DATASET_FIXTURE_START = "2025-01-06";

/** Deterministic numbers in [0, 1) from a seed (a 32-bit LCG is enough for test bars). */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The fixture's trading days from its start (the TSE calendar's rules). */
export function fixtureDays(count: number): string[] {
  const first = shiftTradingDays(DATASET_FIXTURE_START, 0);
  return Array.from({ length: count }, (_, index) => shiftTradingDays(first, index));
}

/**
 * Stores the fixture in a test database: the master rows, Yahoo daily bars as traded (random walks
 * on ¥0.1 ticks), the split as a corporate action, and TOPIX over the same days unless `topix` is false.
 */
export async function seedDatasetFixture(pool: Pool, options: { topix?: boolean } = {}): Promise<void> {
  for (const [index, symbol] of DATASET_FIXTURE_SYMBOLS.entries()) {
    await pool.query(
      `INSERT INTO companies (code, company_name, market_code, is_active, source, updated_at)
       VALUES ($1, $2, NULL, true, 'jpx', now())`,
      [symbol.code, `テスト銘柄${symbol.code}`],
    );
    const random = sequence(index + 1);
    let close = 1000 + index * 700;
    const rows = fixtureDays(symbol.days).map((date, day) => {
      const open = close * (1 + (random() - 0.5) * 0.02);
      close = close * (1 + (random() - 0.5) * 0.05);
      const high = Math.max(open, close) * (1 + random() * 0.01);
      const low = Math.min(open, close) * (1 - random() * 0.01);
      const shares = symbol.splitOnDay !== undefined && day >= symbol.splitOnDay ? 2 : 1;
      const tick = (price: number) => Math.round((price / shares) * 10) / 10;
      return [date, tick(open), tick(high), tick(low), tick(close), Math.round(1000 + random() * 50_000) * shares];
    });
    await pool.query(
      `INSERT INTO price_bars (source, symbol, interval, ts, open, high, low, close, volume)
       SELECT 'yahoo', $1, '1d', (d || 'T00:00:00Z')::timestamptz, o, h, l, c, v
       FROM unnest($2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::bigint[]) AS t(d, o, h, l, c, v)`,
      [`${symbol.code}.T`, ...[0, 1, 2, 3, 4, 5].map((column) => rows.map((row) => row[column]))],
    );
    if (symbol.splitOnDay !== undefined)
      await pool.query(
        `INSERT INTO corporate_actions (source, symbol, ex_date, kind, ratio) VALUES ('yahoo', $1, $2, 'split', 2)`,
        [`${symbol.code}.T`, fixtureDays(symbol.splitOnDay + 1).at(-1)],
      );
  }
  if (options.topix === false) return;
  const random = sequence(99);
  let level = 2500;
  const days = fixtureDays(Math.max(...DATASET_FIXTURE_SYMBOLS.map((symbol) => symbol.days)));
  const closes = days.map(() => (level = level * (1 + (random() - 0.5) * 0.02)));
  await pool.query(
    `INSERT INTO index_bars (index_code, date, open, high, low, close)
     SELECT 'TOPIX', d::date, c, c, c, c FROM unnest($1::text[], $2::float8[]) AS t(d, c)`,
    [days, closes],
  );
}
