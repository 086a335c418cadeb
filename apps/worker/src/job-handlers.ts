import type { JobHandlers } from "./job-handler";
import { masterSyncProcessor } from "./master-sync/master-sync.processor";
import type { MasterSyncService } from "./master-sync/master-sync.service";
import { fetchDateProcessor, type FetchDateDeps } from "./prices/fetch-date.processor";
import { fetchSymbolProcessor, type FetchSymbolDeps } from "./prices/fetch-symbol.processor";

/** The handler of each job name. */
export function createJobHandlers(services: {
  masterSync: MasterSyncService;
  prices: FetchSymbolDeps & FetchDateDeps;
}): JobHandlers {
  return {
    "fetch-symbol": fetchSymbolProcessor(services.prices),
    "fetch-date": fetchDateProcessor(services.prices),
    "sync-master": masterSyncProcessor(services.masterSync),
  };
}
