import { isTradingDay, tokyoDate } from "@kabuto/core";

import type { ScheduledAction } from "./scheduled-action";

/** The daily price update after the close, on TSE trading days only. */
export function dailyPricesAction(): ScheduledAction {
  return async ({ scheduledAt }) => {
    if (!isTradingDay(tokyoDate(scheduledAt))) return { requested: false, reason: "not a TSE trading day" };
    return { requested: false, reason: "the daily price update is not implemented yet (issue 5)" };
  };
}
