import type { Queue } from "bullmq";

import type { MasterSource } from "@kabuto/core";
import type { PrismaClient } from "@kabuto/db";

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
  masterSyncQueue: Pick<Queue, "add">;
  masterSyncSource: MasterSource;
}): ScheduledActions {
  return {
    [SCHEDULED_JOB.MASTER_SYNC]: masterSyncAction({
      prisma: deps.prisma,
      queue: deps.masterSyncQueue,
      source: deps.masterSyncSource,
    }),
    [SCHEDULED_JOB.DAILY_PRICES]: dailyPricesAction(),
  };
}
