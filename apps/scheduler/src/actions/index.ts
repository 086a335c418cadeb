import type { BatchControl } from "@kabuto/batches";
import { SCHEDULE_JOB, type MasterSource, type Provider } from "@kabuto/core";
import type { PrismaClient } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import { dailyPricesAction } from "./daily-prices.action";
import { masterSyncAction } from "./master-sync.action";
import type { ScheduledActions } from "./scheduled-action";

export * from "./scheduled-action";

/** Every scheduled job's action. */
export function createScheduledActions(deps: {
  prisma: PrismaClient;
  queues: Pick<QueueRepository, "enqueueAll">;
  masterSyncSource: MasterSource;
  batches: BatchControl;
  dailyPricesProvider: Provider;
}): ScheduledActions {
  return {
    [SCHEDULE_JOB.MASTER_SYNC]: masterSyncAction({
      prisma: deps.prisma,
      queues: deps.queues,
      source: deps.masterSyncSource,
    }),
    [SCHEDULE_JOB.DAILY_PRICES]: dailyPricesAction({ batches: deps.batches, provider: deps.dailyPricesProvider }),
  };
}
