import { dailyUpdateRequest, type BatchControl } from "@kabuto/batches";
import { isTradingDay, tokyoDate, type Provider } from "@kabuto/core";

import type { ScheduledAction } from "./scheduled-action";

/**
 * The daily price update after the close, on TSE trading days only: a batch of every active
 * listing asking only for what is missing since the last stored bar (Yahoo: each symbol from its
 * last bar on; J-Quants: the missing dates of the market), from the schedule row's provider, else
 * `deps.provider` (DAILY_PRICES_PROVIDER). Its progress is published by the workers as for any batch.
 */
export function dailyPricesAction(deps: { batches: BatchControl; provider: Provider }): ScheduledAction {
  return async ({ scheduledAt, provider = deps.provider }) => {
    if (!isTradingDay(tokyoDate(scheduledAt))) return { requested: false, reason: "not a TSE trading day" };
    const batch = await deps.batches.start(dailyUpdateRequest(provider), scheduledAt);
    return { requested: true, status: "queued", count: batch.total, details: { batch_id: batch.id, provider } };
  };
}
