import type { QualityCheckName } from "@kabuto/contract";

/*
 * One statement per check, set-based over every symbol of the scope at once. Named parameters:
 * :run the check run's id, :source the source checked (the one an issue is recorded under),
 * :symbols Yahoo symbols or NULL for every one, :from and :to the Tokyo dates of the range,
 * :trading_days the TSE trading days of the range (from core's calendar). Daily bars only; a
 * bar's day is its date in Tokyo, as price_bars_adjusted() reads it.
 */

const IN_RANGE = `b.ts >= (:from::date::timestamp AT TIME ZONE 'Asia/Tokyo')
    AND b.ts < ((:to::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')`;

/** The scope's daily bars of the checked source. */
const BARS = `bars AS (
  SELECT b.symbol, (b.ts AT TIME ZONE 'Asia/Tokyo')::date AS day, b.open, b.high, b.low, b.close, b.volume, b.split_basis
  FROM price_bars b
  WHERE b.source = :source::provider AND b.interval = '1d' AND ${IN_RANGE}
    AND (:symbols::text[] IS NULL OR b.symbol = ANY(:symbols::text[])))`;

const INSERT = `INSERT INTO quality_issues (batch_id, source, symbol, date, "check", detail)`;
const ON_CONFLICT = `ON CONFLICT (batch_id, source, symbol, date, "check") DO UPDATE SET detail = EXCLUDED.detail`;

const OHLC = `jsonb_build_object('open', open, 'high', high, 'low', low, 'close', close)`;

/** The SQL of each check; each inserts what it finds and returns nothing. */
export const QUALITY_CHECK_SQL: Record<QualityCheckName, string> = {
  ohlc_inconsistent: `WITH ${BARS}
    ${INSERT}
    SELECT :run, :source::provider, symbol, day, 'ohlc_inconsistent', ${OHLC}
    FROM bars WHERE high < GREATEST(open, close, low) OR low > LEAST(open, close, high)
    ${ON_CONFLICT}`,

  non_positive_price: `WITH ${BARS}
    ${INSERT}
    SELECT :run, :source::provider, symbol, day, 'non_positive_price', ${OHLC}
    FROM bars WHERE open <= 0 OR high <= 0 OR low <= 0 OR close <= 0
    ${ON_CONFLICT}`,

  negative_volume: `WITH ${BARS}
    ${INSERT}
    SELECT :run, :source::provider, symbol, day, 'negative_volume', jsonb_build_object('volume', volume)
    FROM bars WHERE volume < 0
    ${ON_CONFLICT}`,

  // Rows still on a migrated split basis are not as traded yet: comparing them across days would
  // report the splits they were adjusted for.
  price_jump: `WITH ${BARS}, priced AS (
      SELECT symbol, day, close, lag(close) OVER (PARTITION BY symbol ORDER BY day) AS lagged
      FROM bars WHERE close > 0 AND split_basis IS NULL
    ), jumps AS (
      SELECT p.symbol, p.day, p.close, coalesce(p.lagged, (
        SELECT b.close FROM price_bars b
        WHERE b.source = :source::provider AND b.symbol = p.symbol AND b.interval = '1d'
          AND b.ts < (:from::date::timestamp AT TIME ZONE 'Asia/Tokyo') AND b.close > 0 AND b.split_basis IS NULL
        ORDER BY b.ts DESC LIMIT 1)) AS prev_close
      FROM priced p
    )
    ${INSERT}
    SELECT :run, :source::provider, j.symbol, j.day, 'price_jump',
      jsonb_build_object('close', j.close, 'prev_close', j.prev_close, 'change', round((j.close / j.prev_close - 1)::numeric, 4))
    FROM jumps j
    WHERE abs(j.close / j.prev_close - 1) > 0.3
      AND NOT EXISTS (SELECT 1 FROM corporate_actions a WHERE a.symbol = j.symbol AND a.ex_date = j.day)
    ${ON_CONFLICT}`,

  // A day is missing when the source has bars of other symbols that day (it answered for the
  // market), the symbol is listed and has bars of this source before and after it, and no source
  // stored it as a day without prices (J-Quants answers a halted day with an empty bar).
  missing_trading_day: `WITH days AS (
      SELECT unnest(:trading_days::date[]) AS day
    ), answered AS (
      SELECT (b.ts AT TIME ZONE 'Asia/Tokyo')::date AS day, count(*) AS symbols
      FROM price_bars b WHERE b.source = :source::provider AND b.interval = '1d' AND ${IN_RANGE}
      GROUP BY 1
    ), listed AS (
      SELECT c.code || '.T' AS symbol FROM companies c
      WHERE c.is_active AND (:symbols::text[] IS NULL OR c.code || '.T' = ANY(:symbols::text[]))
    ), spans AS (
      SELECT l.symbol,
        (SELECT min(b.ts) FROM price_bars b WHERE b.source = :source::provider AND b.symbol = l.symbol AND b.interval = '1d') AS first_ts,
        (SELECT max(b.ts) FROM price_bars b WHERE b.source = :source::provider AND b.symbol = l.symbol AND b.interval = '1d') AS last_ts
      FROM listed l
    ), candidates AS (
      SELECT s.symbol, d.day, a.symbols, d.day::timestamp AT TIME ZONE 'Asia/Tokyo' AS day_start
      FROM spans s
      JOIN days d ON d.day > (s.first_ts AT TIME ZONE 'Asia/Tokyo')::date AND d.day < (s.last_ts AT TIME ZONE 'Asia/Tokyo')::date
      JOIN answered a ON a.day = d.day
    )
    ${INSERT}
    SELECT :run, :source::provider, c.symbol, c.day, 'missing_trading_day', jsonb_build_object('symbols_with_bars', c.symbols)
    FROM candidates c
    WHERE NOT EXISTS (
      SELECT 1 FROM price_bars b
      WHERE b.symbol = c.symbol AND b.interval = '1d' AND b.ts >= c.day_start AND b.ts < c.day_start + interval '1 day'
        AND (b.source = :source::provider OR b.close IS NULL))
    ${ON_CONFLICT}`,

  non_trading_day: `WITH ${BARS}
    ${INSERT}
    SELECT :run, :source::provider, symbol, day, 'non_trading_day', jsonb_build_object('close', close)
    FROM bars WHERE NOT (day = ANY(:trading_days::date[]))
    ${ON_CONFLICT}`,

  cross_source_mismatch: `${INSERT}
    SELECT :run, :source::provider, b.symbol, (b.ts AT TIME ZONE 'Asia/Tokyo')::date, 'cross_source_mismatch',
      jsonb_build_object('yahoo_close', b.close, 'jquants_close', j.close)
    FROM price_bars b
    JOIN price_bars j ON j.source = 'jquants' AND j.symbol = b.symbol AND j.interval = '1d' AND j.ts = b.ts
    WHERE b.source = 'yahoo' AND b.interval = '1d' AND ${IN_RANGE}
      AND (:symbols::text[] IS NULL OR b.symbol = ANY(:symbols::text[]))
      AND b.close > 0 AND j.close > 0 AND b.split_basis IS NULL AND j.split_basis IS NULL
      AND abs(b.close / j.close - 1) > 0.005
    ${ON_CONFLICT}`,
};

/** A statement with named parameters (`:name`, never inside `::type` casts) as pg's numbered text and values. */
export function bindNamed(
  text: string,
  params: Readonly<Record<string, unknown>>,
): { text: string; values: unknown[] } {
  const order: string[] = [];
  const numbered = text.replace(/(?<!:):([a-z_]+)/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name}`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return { text: numbered, values: order.map((name) => params[name]) };
}
