import type { BatchControl } from "@kabuto/batches";
import { isTradingDay, tokyoDate, type Provider } from "@kabuto/core";

import type { ScheduledAction } from "./scheduled-action";

/** Trading days each daily update fetches: a week, so a missed evening heals itself the next. */
const DAILY_PERIOD = "5d";

/**
 * The daily price update after the close, on TSE trading days only: a batch of every active
 * listing over the last five trading days (the upsert keeps rows single), from the schedule
 * row's provider, else `deps.provider` (DAILY_PRICES_PROVIDER). Its progress is published by the
 * workers as for any batch.
 */
export function dailyPricesAction(deps: { batches: BatchControl; provider: Provider }): ScheduledAction {
  return async ({ scheduledAt, provider = deps.provider }) => {
    if (!isTradingDay(tokyoDate(scheduledAt))) return { requested: false, reason: "not a TSE trading day" };
    const batch = await deps.batches.start(
      { provider, interval: "1d", period: DAILY_PERIOD, daily: true },
      scheduledAt,
    );
    return { requested: true, status: "queued", count: batch.total, details: { batch_id: batch.id, provider } };
  };
}
