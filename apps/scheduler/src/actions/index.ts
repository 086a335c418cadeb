import type { Queue } from "bullmq";

import type { MasterSource, Provider } from "@kabuto/core";
import type { Database, PriceQueues } from "@kabuto/db";

import { dailyPricesAction } from "./daily-prices.action";
import { masterSyncAction } from "./master-sync.action";
import type { ScheduledActions } from "./scheduled-action";

export * from "./scheduled-action";

/** The job names of sync_schedules rows (seeded by a migration). */
export const SCHEDULED_JOB = {
  MASTER_SYNC: "master_sync",
  DAILY_PRICES: "daily_prices",
} as const;

/** Every scheduled job's action. */
export function createScheduledActions(deps: {
  db: Database;
  masterSyncQueue: Pick<Queue, "add">;
  masterSyncSource: MasterSource;
  priceQueues: PriceQueues;
  dailyPricesProvider: Provider;
}): ScheduledActions {
  return {
    [SCHEDULED_JOB.MASTER_SYNC]: masterSyncAction({
      prisma: deps.db.prisma,
      queue: deps.masterSyncQueue,
      source: deps.masterSyncSource,
    }),
    [SCHEDULED_JOB.DAILY_PRICES]: dailyPricesAction({
      db: deps.db,
      queues: deps.priceQueues,
      provider: deps.dailyPricesProvider,
    }),
  };
}
