import { UnrecoverableError } from "bullmq";

import type { JobHandlers } from "./job-handler";
import { masterSyncProcessor } from "./master-sync/master-sync.processor";
import type { MasterSyncService } from "./master-sync/master-sync.service";
import { fetchSymbolProcessor, type FetchSymbolDeps } from "./prices/fetch-symbol.processor";

function notYetImplemented(what: string, issue: number) {
  return async () => {
    throw new UnrecoverableError(`${what} is not implemented yet (issue ${issue})`);
  };
}

/** The handler of each job name. */
export function createJobHandlers(services: { masterSync: MasterSyncService; prices: FetchSymbolDeps }): JobHandlers {
  return {
    "fetch-symbol": fetchSymbolProcessor(services.prices),
    "fetch-date": notYetImplemented("J-Quants price fetch", 5),
    "sync-master": masterSyncProcessor(services.masterSync),
  };
}
