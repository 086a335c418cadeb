import type { JobHandlers } from "@kabuto/queue";

import { masterSyncProcessor } from "./master-sync/master-sync.processor";
import type { MasterSyncService } from "./master-sync/master-sync.service";
import { priceUnitProcessor } from "./prices/price-unit.processor";

/** The handler of each job name. */
export function createJobHandlers(services: {
  masterSync: MasterSyncService;
  prices: Parameters<typeof priceUnitProcessor>[0];
}): JobHandlers {
  return {
    "fetch-prices": priceUnitProcessor(services.prices),
    "sync-master": masterSyncProcessor(services.masterSync),
  };
}
