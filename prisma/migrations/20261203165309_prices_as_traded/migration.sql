-- Prices as traded plus corporate actions, adjusted on read (CRSP's model).
--
-- Existing rows are kept:
-- - J-Quants rows already hold prices as traded in open..close; their AdjFactor becomes split
--   actions before the adj_* columns go.
-- - Yahoo rows were stored split-adjusted as of the day they were fetched: they are marked with that
--   day in split_basis. Each symbol's rows are converted to as-traded values as soon as its action
--   history is known, which the next Yahoo batch that touches the symbol fetches (one range=max
--   events request per symbol). To convert every symbol at once, run a Yahoo batch of the whole
--   market once (`kabuto fetch --all --period 5d`).
-- - Yahoo and J-Quants rows of the same day no longer overwrite each other: the key gains source.

-- CreateEnum
CREATE TYPE "action_kind" AS ENUM ('split', 'dividend');

-- CreateTable
CREATE TABLE "corporate_actions" (
    "source" "provider" NOT NULL,
    "symbol" VARCHAR(16) NOT NULL,
    "ex_date" DATE NOT NULL,
    "kind" "action_kind" NOT NULL,
    "ratio" DOUBLE PRECISION,
    "amount" DOUBLE PRECISION,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corporate_actions_pkey" PRIMARY KEY ("source","symbol","ex_date","kind")
);

-- CreateTable
CREATE TABLE "corporate_action_syncs" (
    "source" "provider" NOT NULL,
    "symbol" VARCHAR(16) NOT NULL,
    "synced_through" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corporate_action_syncs_pkey" PRIMARY KEY ("source","symbol")
);

-- J-Quants' AdjFactor on an ex-date (0.5 for a 2:1 split) as a split of 1/AdjFactor new shares per old one.
INSERT INTO "corporate_actions" ("source", "symbol", "ex_date", "kind", "ratio")
SELECT 'jquants', "symbol", "ts"::date, 'split', round((1 / "adj_factor")::numeric, 6)
FROM "price_bars"
WHERE "source" = 'jquants' AND "interval" = '1d' AND "adj_factor" > 0 AND "adj_factor" <> 1;

-- AlterTable
ALTER TABLE "price_bars" ADD COLUMN "split_basis" DATE;

UPDATE "price_bars" SET "split_basis" = ("updated_at" AT TIME ZONE 'Asia/Tokyo')::date WHERE "source" = 'yahoo';

-- AlterTable
ALTER TABLE "price_bars" DROP CONSTRAINT "price_bars_pkey",
DROP COLUMN "adj_close",
DROP COLUMN "adj_factor",
DROP COLUMN "adj_high",
DROP COLUMN "adj_low",
DROP COLUMN "adj_open",
DROP COLUMN "adj_volume",
ADD CONSTRAINT "price_bars_pkey" PRIMARY KEY ("source", "symbol", "interval", "ts");

-- The one read path of prices (REST, dashboard, CLI, exports): a page of one symbol's bars from one
-- source, as traded (none), split-adjusted to today's shares (split), or also for dividends as
-- Yahoo's adjclose does (all). A bar's day is its date in Tokyo; an action counts for the bars
-- before its ex-date. Rows still on a split basis (see above) are first brought to as traded.
CREATE FUNCTION "price_bars_adjusted"(
    p_source "provider", p_symbol TEXT, p_interval TEXT, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ,
    p_adjust TEXT, p_after TIMESTAMPTZ, p_limit INTEGER)
RETURNS TABLE (ts TIMESTAMPTZ, open DOUBLE PRECISION, high DOUBLE PRECISION, low DOUBLE PRECISION,
    close DOUBLE PRECISION, volume DOUBLE PRECISION, turnover DOUBLE PRECISION)
LANGUAGE sql STABLE AS $$
  WITH splits AS MATERIALIZED (
    SELECT a.ex_date, a.ratio FROM corporate_actions a
    WHERE a.source = p_source AND a.symbol = p_symbol AND a.kind = 'split' AND a.ratio > 0
  ), dividends AS MATERIALIZED (
    SELECT d.ex_date, 1 - d.amount / before.close AS factor
    FROM corporate_actions d
    CROSS JOIN LATERAL (
      SELECT b.close FROM price_bars b
      WHERE b.source = p_source AND b.symbol = p_symbol AND b.interval = '1d' AND b.ts < d.ex_date AND b.close > 0
      ORDER BY b.ts DESC LIMIT 1
    ) before
    WHERE p_adjust = 'all' AND d.source = p_source AND d.symbol = p_symbol AND d.kind = 'dividend'
      AND d.amount > 0 AND d.amount < before.close
  ), page AS (
    SELECT b.ts, b.open, b.high, b.low, b.close, b.volume, b.turnover, b.split_basis,
      (b.ts AT TIME ZONE 'Asia/Tokyo')::date AS day
    FROM price_bars b
    WHERE b.source = p_source AND b.symbol = p_symbol AND b.interval = p_interval
      AND b.ts >= p_from AND b.ts <= p_to AND (p_after IS NULL OR b.ts > p_after)
    ORDER BY b.ts
    LIMIT p_limit
  ), factors AS MATERIALIZED (
    SELECT page.*,
      coalesce((SELECT round(exp(sum(ln(s.ratio)))::numeric, 9)::float8 FROM splits s
                WHERE page.split_basis IS NOT NULL AND s.ex_date > page.day AND s.ex_date <= page.split_basis), 1) AS to_traded,
      CASE WHEN p_adjust = 'none' THEN 1
        ELSE coalesce((SELECT round(exp(sum(ln(s.ratio)))::numeric, 9)::float8 FROM splits s WHERE s.ex_date > page.day), 1) END AS shares,
      coalesce((SELECT round(exp(sum(ln(d.factor)))::numeric, 12)::float8 FROM dividends d WHERE d.ex_date > page.day), 1) AS income
    FROM page
  )
  SELECT f.ts,
    f.open * f.to_traded / f.shares * f.income,
    f.high * f.to_traded / f.shares * f.income,
    f.low * f.to_traded / f.shares * f.income,
    f.close * f.to_traded / f.shares * f.income,
    f.volume / f.to_traded * f.shares,
    f.turnover
  FROM factors f
  ORDER BY f.ts
$$;
