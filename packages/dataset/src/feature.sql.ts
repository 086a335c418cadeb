import { DATASET_COLUMNS } from "./feature-columns";

/** A rolling aggregate over the last `rows` rows of the symbol, null unless `full` counts `rows` of them. */
const rolling = (aggregate: string, rows: number, full = "1") =>
  `CASE WHEN count(${full}) OVER (w ROWS ${rows - 1} PRECEDING) = ${rows} THEN ${aggregate} OVER (w ROWS ${rows - 1} PRECEDING) END`;

const ret = (lag: number) => `close / lag(close, ${lag}) OVER w - 1`;
const logRet = (lag: number) => `ln(close / lag(close, ${lag}) OVER w)`;
const topixRet = (lag: number) => `close / lag(close, ${lag}) OVER (ORDER BY date) - 1`;

/**
 * The window features over DuckDB's `bars` (bar-feed.ts: one symbol's rows are its trading days
 * with bars, each with its recurrences) and `topix` (date, close), in DATASET_COLUMNS order, one row per (code, date), sorted.
 * Windows end at the current row (no look-ahead) and need their full length, else null; std is the
 * sample one. TOPIX's returns are over its own trading days, joined by date.
 */
export const FEATURES_SQL = `
WITH index_returns AS (
  SELECT date, close AS topix_close, ${topixRet(1)} AS topix_returns_1d, ${topixRet(5)} AS topix_returns_5d,
    ${topixRet(20)} AS topix_returns_20d
  FROM topix
), base AS (
  SELECT b.*, t.topix_close, t.topix_returns_1d, t.topix_returns_5d, t.topix_returns_20d,
    ${ret(1)} AS returns_1d, ${ret(5)} AS returns_5d, ${ret(20)} AS returns_20d, ${ret(60)} AS returns_60d,
    ${logRet(1)} AS log_returns_1d, ${logRet(5)} AS log_returns_5d, ${logRet(20)} AS log_returns_20d,
    ${logRet(60)} AS log_returns_60d,
    lag(close) OVER w AS previous_close,
    close * volume AS dollar_volume
  FROM bars b LEFT JOIN index_returns t USING (date)
  WINDOW w AS (PARTITION BY code ORDER BY date)
), rolled AS (
  SELECT *,
    ${rolling("stddev_samp(returns_1d)", 20, "returns_1d")} AS volatility_20d,
    ${rolling("stddev_samp(returns_1d)", 60, "returns_1d")} AS volatility_60d,
    sqrt(${rolling("sum(returns_1d * returns_1d)", 5, "returns_1d")}) AS realized_volatility_5d,
    sqrt(${rolling("sum(returns_1d * returns_1d)", 20, "returns_1d")}) AS realized_volatility_20d,
    sqrt(${rolling("avg(ln(high / low) ^ 2)", 20)} / (4 * ln(2))) AS parkinson_vol_20d,
    ${rolling("avg(close)", 5)} AS sma_5,
    ${rolling("avg(close)", 10)} AS sma_10,
    ${rolling("avg(close)", 20)} AS sma_20,
    ${rolling("avg(close)", 60)} AS sma_60,
    ${rolling("stddev_samp(close)", 20)} AS close_std_20,
    ${rolling("avg(volume)", 5)} AS volume_ma_5,
    ${rolling("avg(volume)", 20)} AS volume_ma_20,
    ${rolling("avg(volume)", 60)} AS volume_ma_60,
    ${rolling("avg(dollar_volume)", 20)} AS adv_20,
    ${rolling("sum(dollar_volume)", 20)} / ${rolling("sum(volume)", 20)} AS vwap,
    ${rolling("covar_samp(returns_1d, topix_returns_1d)", 60, "returns_1d * topix_returns_1d")}
      / ${rolling("var_samp(topix_returns_1d)", 60, "returns_1d * topix_returns_1d")} AS beta_60d
  FROM base
  WINDOW w AS (PARTITION BY code ORDER BY date)
), features AS (
  SELECT *,
    volatility_20d / volatility_60d AS vol_ratio_20_60,
    sma_20 + 2 * close_std_20 AS bb_upper,
    sma_20 AS bb_middle,
    macd - macd_signal AS macd_histogram,
    sma_20 - 2 * close_std_20 AS bb_lower,
    (close - (sma_20 - 2 * close_std_20)) / (4 * close_std_20) AS bb_pct_b,
    4 * close_std_20 / sma_20 AS bb_width,
    volume / volume_ma_20 AS volume_ratio,
    (close - vwap) / vwap AS vwap_deviation,
    returns_1d - topix_returns_1d AS alpha_1d_topix,
    returns_5d - topix_returns_5d AS alpha_5d_topix,
    returns_20d - topix_returns_20d AS alpha_20d_topix,
    returns_1d / topix_returns_1d AS relative_strength_1d,
    returns_5d / topix_returns_5d AS relative_strength_5d,
    returns_20d / topix_returns_20d AS relative_strength_20d,
    high / low AS high_low_ratio,
    (high - low) / close AS daily_range,
    CASE WHEN previous_close IS NOT NULL
      THEN greatest(high - low, abs(high - previous_close), abs(low - previous_close)) END AS true_range,
    (open - previous_close) / previous_close AS gap_open,
    (close - open) / open AS gap_close,
    (close - open) / open AS intraday_momentum,
    (high - greatest(open, close)) / (high - low) AS upper_shadow,
    (least(open, close) - low) / (high - low) AS lower_shadow
  FROM rolled
)
SELECT ${DATASET_COLUMNS.map((column) => (column === "volume" ? "CAST(volume AS BIGINT) AS volume" : column)).join(", ")}
FROM features
ORDER BY code, date`;
