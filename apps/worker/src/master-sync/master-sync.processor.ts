import type { JobHandler } from "@kabuto/queue";

import type { MasterSyncService } from "./master-sync.service";

/** The `sync-master` job: the sync itself (the queue maps its errors; see toQueueOutcome). */
export function masterSyncProcessor(service: MasterSyncService): JobHandler<"sync-master"> {
  return (payload, job) => service.run(payload, job);
}
