import type { Pool } from "pg";

import type { CorporateActionRow, Provider } from "@kabuto/core";

const UPSERT_SQL = `
  INSERT INTO corporate_actions (source, symbol, ex_date, kind, ratio, amount, updated_at)
  SELECT *, now() FROM unnest($1::provider[], $2::text[], $3::date[], $4::action_kind[], $5::float8[], $6::float8[])
  ON CONFLICT (source, symbol, ex_date, kind) DO UPDATE SET
    ratio = EXCLUDED.ratio, amount = EXCLUDED.amount, updated_at = now()
  WHERE corporate_actions.ratio IS DISTINCT FROM EXCLUDED.ratio
     OR corporate_actions.amount IS DISTINCT FROM EXCLUDED.amount
  RETURNING symbol`;

/**
 * Marks a symbol's action history complete up to a day and, in the same statement, brings its rows
 * migrated on a split basis to as traded: the value times every split after the bar's day up to
 * its basis (volume the inverse way).
 */
const MARK_SYNCED_SQL = `
  WITH synced AS (
    INSERT INTO corporate_action_syncs (source, symbol, synced_through, updated_at) VALUES ($1, $2, $3, now())
    ON CONFLICT (source, symbol) DO UPDATE SET
      synced_through = GREATEST(corporate_action_syncs.synced_through, EXCLUDED.synced_through), updated_at = now()
  ), factors AS (
    SELECT b.ts, b.interval,
      coalesce((SELECT round(exp(sum(ln(a.ratio)))::numeric, 9)::float8 FROM corporate_actions a
        WHERE a.source = b.source AND a.symbol = b.symbol AND a.kind = 'split' AND a.ratio > 0
          AND a.ex_date > (b.ts AT TIME ZONE 'Asia/Tokyo')::date AND a.ex_date <= b.split_basis), 1) AS factor
    FROM price_bars b
    WHERE b.source = $1 AND b.symbol = $2 AND b.split_basis IS NOT NULL
  )
  UPDATE price_bars p SET
    open = p.open * f.factor, high = p.high * f.factor, low = p.low * f.factor, close = p.close * f.factor,
    volume = round(p.volume / f.factor), split_basis = NULL, updated_at = now()
  FROM factors f
  WHERE p.source = $1 AND p.symbol = $2 AND p.interval = f.interval AND p.ts = f.ts`;

/**
 * Splits and dividends beside the prices as traded, and how far each symbol's history of them is
 * complete. Writes are idempotent bulk upserts.
 */
export function corporateActionRepository(pool: Pool) {
  return {
    /** Stores actions; resolves with the symbols whose history this changed (a new or corrected action). */
    async upsert(actions: readonly CorporateActionRow[]): Promise<Set<string>> {
      if (actions.length === 0) return new Set();
      const { rows } = await pool.query<{ symbol: string }>(UPSERT_SQL, [
        actions.map((action) => action.source),
        actions.map((action) => action.symbol),
        actions.map((action) => action.exDate),
        actions.map((action) => action.kind),
        actions.map((action) => (action.kind === "split" ? action.ratio : null)),
        actions.map((action) => (action.kind === "dividend" ? action.amount : null)),
      ]);
      return new Set(rows.map((row) => row.symbol));
    },

    /**
     * What is known of the symbol's action history from `source`: the day up to which it is
     * complete (undefined: never fetched), and whether bars stored before `day` depend on it.
     */
    async historyBefore(
      source: Provider,
      symbol: string,
      day: string,
    ): Promise<{ syncedThrough?: string; barsBefore: boolean }> {
      const { rows } = await pool.query<{ synced: string | null; bars_before: boolean }>(
        `SELECT (SELECT to_char(synced_through, 'YYYY-MM-DD') FROM corporate_action_syncs WHERE source = $1 AND symbol = $2) AS synced,
           EXISTS (SELECT 1 FROM price_bars WHERE source = $1 AND symbol = $2 AND ts < $3::date) AS bars_before`,
        [source, symbol, day],
      );
      const row = rows[0]!;
      return { ...(row.synced ? { syncedThrough: row.synced } : {}), barsBefore: row.bars_before };
    },

    /**
     * Records the symbol's history as complete up to `day`, and brings its split-basis rows to as
     * traded, in one statement.
     */
    async markSynced(source: Provider, symbol: string, day: string): Promise<void> {
      await pool.query(MARK_SYNCED_SQL, [source, symbol, day]);
    },
  };
}

export type CorporateActionRepository = ReturnType<typeof corporateActionRepository>;
