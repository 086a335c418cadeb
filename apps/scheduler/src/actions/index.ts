import type { BatchControl } from "@kabuto/batches";
import type { MasterSource, Provider } from "@kabuto/core";
import type { PrismaClient } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

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
  prisma: PrismaClient;
  queues: Pick<QueueRepository, "enqueueAll">;
  masterSyncSource: MasterSource;
  batches: BatchControl;
  dailyPricesProvider: Provider;
}): ScheduledActions {
  return {
    [SCHEDULED_JOB.MASTER_SYNC]: masterSyncAction({
      prisma: deps.prisma,
      queues: deps.queues,
      source: deps.masterSyncSource,
    }),
    [SCHEDULED_JOB.DAILY_PRICES]: dailyPricesAction({ batches: deps.batches, provider: deps.dailyPricesProvider }),
  };
}
