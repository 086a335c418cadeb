-- Stable views for SQL and Python readers (the read-only role `npm run db:reader` creates): their
-- names, columns and meaning are a contract, whatever the tables under them become.

-- Daily bars of every symbol from each source, split-adjusted to today's shares: what
-- GET /api/v1/prices answers by default (adjust=split), with price_bars_adjusted()'s factors (rows
-- still on a split basis are first brought to as traded; a split counts for the bars before its
-- ex-date). A bar's date is its day in Tokyo. packages/db/src/reader/reader-views.int.spec.ts holds
-- the view and the function equal.
CREATE VIEW "v_daily_prices" AS
SELECT
  b.source::text AS source,
  left(b.symbol, -2) AS code,
  (b.ts AT TIME ZONE 'Asia/Tokyo')::date AS date,
  b.open * f.to_traded / f.shares AS open,
  b.high * f.to_traded / f.shares AS high,
  b.low * f.to_traded / f.shares AS low,
  b.close * f.to_traded / f.shares AS close,
  b.volume / f.to_traded * f.shares AS volume,
  b.turnover
FROM price_bars b
CROSS JOIN LATERAL (
  SELECT
    coalesce(round(exp(sum(ln(s.ratio)) FILTER (
      WHERE b.split_basis IS NOT NULL AND s.ex_date <= b.split_basis))::numeric, 9)::float8, 1) AS to_traded,
    coalesce(round(exp(sum(ln(s.ratio)))::numeric, 9)::float8, 1) AS shares
  FROM corporate_actions s
  WHERE s.source = b.source AND s.symbol = b.symbol AND s.kind = 'split' AND s.ratio > 0
    AND s.ex_date > (b.ts AT TIME ZONE 'Asia/Tokyo')::date
) f
WHERE b.interval = '1d';

-- The listed-company master as GET /api/v1/companies names it.
CREATE VIEW "v_companies" AS
SELECT
  c.code, c.company_name, c.company_name_english, c.market_code, c.market_name,
  c.sector17_code, c.sector17_name, c.sector33_code, c.sector33_name, c.scale_code, c.scale_category,
  c.margin_code, c.is_active, c.reference_date, c.source::text AS source
FROM companies c;
