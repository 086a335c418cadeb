import { z } from "zod";

import { count } from "./page.schema";

/** The quality checks over stored daily bars, by the name their issues are listed under. */
export const QUALITY_CHECKS = [
  "ohlc_inconsistent",
  "non_positive_price",
  "negative_volume",
  "price_jump",
  "missing_trading_day",
  "non_trading_day",
  "cross_source_mismatch",
] as const;
/** A quality check's name. */
export type QualityCheckName = (typeof QUALITY_CHECKS)[number];

/** Issues found per check; every check is named, 0 when it found none. */
export const qualityCountsSchema = z.record(z.enum(QUALITY_CHECKS), count);
/** Issues found per check. */
export type QualityCounts = z.infer<typeof qualityCountsSchema>;
