import { UnrecoverableError } from "bullmq";

import { PermanentError } from "@kabuto/core";

import type { JobHandler } from "../job-handler";
import type { MasterSyncService } from "./master-sync.service";

/** The `sync-master` job: a permanent failure ends the job at once, anything else may be retried. */
export function masterSyncProcessor(service: MasterSyncService): JobHandler<"sync-master"> {
  return async (payload) => {
    try {
      return await service.run(payload);
    } catch (error) {
      if (error instanceof PermanentError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}
