import { requestMasterSync } from "@kabuto/batches";
import type { MasterSource } from "@kabuto/core";
import type { PrismaClient } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import type { ScheduledAction } from "./scheduled-action";

/**
 * Requests a scheduled master sync from the configured source, unless one is already queued or
 * running (then the occurrence is skipped: the sync in progress brings the master up to date).
 */
export function masterSyncAction(deps: {
  prisma: PrismaClient;
  queues: Pick<QueueRepository, "enqueueAll">;
  source: MasterSource;
}): ScheduledAction {
  return async () => {
    const request = await requestMasterSync(
      { prisma: deps.prisma, queues: deps.queues },
      { trigger: "scheduled", source: deps.source },
    );
    if (!request.accepted) {
      return {
        requested: false,
        reason: `master sync run ${request.activeRun.id} is already ${request.activeRun.status}`,
      };
    }
    return { requested: true, status: request.run.status, details: { run_id: request.run.id, source: deps.source } };
  };
}
