import type { JobHandlers } from "@kabuto/queue";

import { marketSeriesProcessor } from "./market-series/market-series.processor";
import type { MarketSeriesService } from "./market-series/market-series.service";
import { masterSyncProcessor } from "./master-sync/master-sync.processor";
import type { MasterSyncService } from "./master-sync/master-sync.service";
import { priceUnitProcessor } from "./prices/price-unit.processor";

/** The handler of each job name. */
export function createJobHandlers(services: {
  masterSync: MasterSyncService;
  marketSeries: MarketSeriesService;
  prices: Parameters<typeof priceUnitProcessor>[0];
}): JobHandlers {
  return {
    "fetch-prices": priceUnitProcessor(services.prices),
    "fetch-market-series": marketSeriesProcessor(services.marketSeries),
    "sync-master": masterSyncProcessor(services.masterSync),
  };
}
