import type { JobHandlers } from "@kabuto/queue";

import { datasetBuildProcessor } from "./datasets/dataset-build.processor";
import type { DatasetBuildService } from "./datasets/dataset-build.service";
import { marketSeriesProcessor } from "./market-series/market-series.processor";
import type { MarketSeriesService } from "./market-series/market-series.service";
import { masterSyncProcessor } from "./master-sync/master-sync.processor";
import type { MasterSyncService } from "./master-sync/master-sync.service";
import { priceUnitProcessor } from "./prices/price-unit.processor";
import { qualityCheckProcessor } from "./quality/quality-check.processor";
import type { QualityCheckService } from "./quality/quality-check.service";

/** The handler of each job name. */
export function createJobHandlers(services: {
  masterSync: MasterSyncService;
  marketSeries: MarketSeriesService;
  prices: Parameters<typeof priceUnitProcessor>[0];
  quality: QualityCheckService;
  datasets: DatasetBuildService;
}): JobHandlers {
  return {
    "fetch-prices": priceUnitProcessor(services.prices),
    "fetch-market-series": marketSeriesProcessor(services.marketSeries),
    "sync-master": masterSyncProcessor(services.masterSync),
    "check-quality": qualityCheckProcessor(services.quality),
    "build-dataset": datasetBuildProcessor(services.datasets),
  };
}
