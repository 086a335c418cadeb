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
 * Brings a symbol's rows migrated on a split basis to as traded, when `when` holds: the value times
 * every split after the bar's day up to its basis (volume the inverse way). Two CTEs to append.
 */
function toTraded(when: string): string {
  return `factors AS (
    SELECT b.ts, b.interval,
      coalesce((SELECT round(exp(sum(ln(a.ratio)))::numeric, 9)::float8 FROM corporate_actions a
        WHERE a.source = b.source AND a.symbol = b.symbol AND a.kind = 'split' AND a.ratio > 0
          AND a.ex_date > (b.ts AT TIME ZONE 'Asia/Tokyo')::date AND a.ex_date <= b.split_basis), 1) AS factor
    FROM price_bars b
    WHERE b.source = $1 AND b.symbol = $2 AND b.split_basis IS NOT NULL AND ${when}
  ), converted AS (
    UPDATE price_bars p SET
      open = p.open * f.factor, high = p.high * f.factor, low = p.low * f.factor, close = p.close * f.factor,
      volume = round(p.volume / f.factor), split_basis = NULL, updated_at = now()
    FROM factors f
    WHERE p.source = $1 AND p.symbol = $2 AND p.interval = f.interval AND p.ts = f.ts
  )`;
}

/** Marks the symbol's history complete through `$3` (never moving it back), when `when` holds. */
function markSynced(when: string): string {
  return `synced AS (
    INSERT INTO corporate_action_syncs (source, symbol, synced_through, updated_at)
    SELECT $1::provider, $2::text, $3::date, now() WHERE ${when}
    ON CONFLICT (source, symbol) DO UPDATE SET
      synced_through = GREATEST(corporate_action_syncs.synced_through, EXCLUDED.synced_through), updated_at = now()
  )`;
}

/** A symbol's history is complete through `$3`: recorded, and its split-basis rows brought to as traded. */
const MARK_SYNCED_SQL = `WITH ${markSynced("true")}, ${toTraded("true")} SELECT 1`;

/**
 * One statement for the common case of a stored unit: whether the symbol needs its complete action
 * history — bars stored before `$4` (the answer's first day) and no history reaching it, or `$5`
 * (the answer showed a new action) — and when it does not, what MARK_SYNCED_SQL does.
 */
const SETTLE_SQL = `
  WITH needs AS (
    SELECT EXISTS (SELECT 1 FROM price_bars WHERE source = $1 AND symbol = $2 AND ts < $4::date)
      AND ($5 OR coalesce((SELECT synced_through < $4::date FROM corporate_action_syncs
                           WHERE source = $1 AND symbol = $2), true)) AS history
  ), ${markSynced("NOT (SELECT history FROM needs)")}, ${toTraded("NOT (SELECT history FROM needs)")}
  SELECT history FROM needs`;

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
     * After storing a unit whose answer listed every action from `from` on: resolves true when the
     * symbol needs its complete history first (then store it and call `markSynced`); otherwise its
     * history is now complete through `today` (see SETTLE_SQL).
     */
    async settle(
      source: Provider,
      symbol: string,
      window: { from: string; today: string; changed: boolean },
    ): Promise<boolean> {
      const { rows } = await pool.query<{ history: boolean }>(SETTLE_SQL, [
        source,
        symbol,
        window.today,
        window.from,
        window.changed,
      ]);
      return rows[0]!.history;
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
