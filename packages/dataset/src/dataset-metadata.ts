import type { QualityCounts } from "@kabuto/contract";

import type { DatasetBuild } from "./dataset-builder";
import { DATASET_COLUMNS, FEATURE_FAMILIES, TOPIX_COLUMNS, type FeatureFamily } from "./feature-columns";
import { KABUTO_VERSION } from "./kabuto-version";

/** metadata.json beside every dataset file (seed 003's fields, and what Kabuto adds). */
export interface DatasetMetadata {
  created_at: string;
  /** [rows, columns]. */
  shape: [number, number];
  columns: readonly string[];
  /** How many columns of each family, and which. */
  features: Record<FeatureFamily, number>;
  feature_columns: typeof FEATURE_FAMILIES;
  /** The first and last date with a row; null when no row. */
  date_range: { start: string; end: string } | null;
  quality_checks: {
    /** What Kabuto's quality checks found on the source's bars of these symbols in the range. */
    issues: QualityCounts;
    /** (code, date) is the key: never repeated. */
    duplicates: 0;
    /** Null cells over all cells. */
    null_ratio: number;
  };
  source: string;
  adjustment: "split";
  topix: { available: true; days: number } | { available: false; null_columns: readonly string[]; reason: string };
  definitions: readonly string[];
  kabuto_version: string;
  request: unknown;
}

const DEFINITIONS = [
  "one row per (code, date): the source's daily bars with positive prices, split-adjusted (price_bars_adjusted, adjust=split)",
  "features use the requested range only: a row uses its own and earlier rows of its symbol (no look-ahead)",
  "windows count a symbol's own rows and need their full length, else null; std is the sample one (n - 1)",
  "returns_1d is null on a symbol's first row; EMA: alpha = 2/(n+1) seeded by the first close (pandas ewm(span=n, adjust=False))",
  "RSI 14 and ATR 14 are Wilder's: the simple mean of the first 14 gains/losses (true ranges), then (13 prev + x)/14",
  "MACD = EMA12 - EMA26, signal = EMA9 of MACD; Bollinger on SMA20 +/- 2 sample std; vwap over 20 rows",
  "beta_60d = covar_samp / var_samp of the last 60 daily returns against TOPIX's (returns over TOPIX's own days, joined by date)",
];

/** The metadata of a built dataset. */
export function datasetMetadata(input: {
  build: DatasetBuild;
  rows: number;
  dates: { start: string; end: string } | null;
  nullRatio: number;
  quality: QualityCounts;
  topixDays: number;
  now?: Date;
}): DatasetMetadata {
  const { build } = input;
  return {
    created_at: (input.now ?? new Date()).toISOString(),
    shape: [input.rows, DATASET_COLUMNS.length],
    columns: DATASET_COLUMNS,
    features: Object.fromEntries(
      Object.entries(FEATURE_FAMILIES).map(([family, columns]) => [family, columns.length]),
    ) as Record<FeatureFamily, number>,
    feature_columns: FEATURE_FAMILIES,
    date_range: input.dates,
    quality_checks: { issues: input.quality, duplicates: 0, null_ratio: input.nullRatio },
    source: build.source,
    adjustment: "split",
    topix:
      input.topixDays > 0
        ? { available: true, days: input.topixDays }
        : {
            available: false,
            null_columns: TOPIX_COLUMNS,
            reason: `no TOPIX bars are stored between ${build.from} and ${build.to}: the TOPIX-relative columns are null. TOPIX comes with J-Quants price batches (kabuto fetch --provider jquants).`,
          },
    definitions: DEFINITIONS,
    kabuto_version: KABUTO_VERSION,
    request: build.request,
  };
}
