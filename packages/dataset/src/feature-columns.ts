/**
 * The dataset's columns by family, under seed 003's names (its gogooku3 pipeline), in file order.
 * Definitions: README "ML dataset" and feature.sql.ts / recursive-features.ts.
 */
export const FEATURE_FAMILIES = {
  price: ["open", "high", "low", "close", "volume", "turnover"],
  returns: [
    "returns_1d",
    "returns_5d",
    "returns_20d",
    "returns_60d",
    "log_returns_1d",
    "log_returns_5d",
    "log_returns_20d",
    "log_returns_60d",
  ],
  volatility: [
    "volatility_20d",
    "volatility_60d",
    "realized_volatility_5d",
    "realized_volatility_20d",
    "parkinson_vol_20d",
    "vol_ratio_20_60",
  ],
  technical: [
    "ema_5",
    "ema_10",
    "ema_20",
    "ema_60",
    "sma_5",
    "sma_10",
    "sma_20",
    "sma_60",
    "rsi_14",
    "macd",
    "macd_signal",
    "macd_histogram",
    "bb_upper",
    "bb_middle",
    "bb_lower",
    "bb_pct_b",
    "bb_width",
  ],
  volume: [
    "volume_ma_5",
    "volume_ma_20",
    "volume_ma_60",
    "volume_ratio",
    "dollar_volume",
    "adv_20",
    "vwap",
    "vwap_deviation",
  ],
  topix_relative: [
    "topix_close",
    "topix_returns_1d",
    "alpha_1d_topix",
    "alpha_5d_topix",
    "alpha_20d_topix",
    "beta_60d",
    "relative_strength_1d",
    "relative_strength_5d",
    "relative_strength_20d",
  ],
  microstructure: [
    "high_low_ratio",
    "daily_range",
    "true_range",
    "atr_14",
    "gap_open",
    "gap_close",
    "intraday_momentum",
    "upper_shadow",
    "lower_shadow",
  ],
} as const satisfies Record<string, readonly string[]>;

export type FeatureFamily = keyof typeof FEATURE_FAMILIES;
export type FeatureName = (typeof FEATURE_FAMILIES)[FeatureFamily][number];

/** Every column of a dataset file, in order: the key, then each family. */
export const DATASET_COLUMNS: readonly string[] = ["code", "date", ...Object.values(FEATURE_FAMILIES).flat()];

/** The columns that are null when no TOPIX is stored for the range. */
export const TOPIX_COLUMNS: readonly string[] = FEATURE_FAMILIES.topix_relative;
