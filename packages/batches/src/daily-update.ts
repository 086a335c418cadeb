import type { Provider } from "@kabuto/core";

import type { PriceBatchRequest } from "./batch-lifecycle";

/**
 * What the daily update fetches for a symbol (Yahoo) or a market (J-Quants) with nothing stored
 * yet: a week, so a listing that appears is not left with one bar.
 */
export const DAILY_FALLBACK_PERIOD = "5d";

/**
 * The daily price update as a batch request, the 19:00 one and `POST /api/bulk/update` alike:
 * every active listing, daily bars, only what is missing since the last stored bar.
 */
export function dailyUpdateRequest(provider: Provider): PriceBatchRequest {
  return { provider, interval: "1d", period: DAILY_FALLBACK_PERIOD, daily: true };
}
