import { JOB, type MasterSource, type SyncMasterPayload } from "@kabuto/core";
import type { MasterSyncRun, PrismaClient } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

/** Any lock id is fine as long as nothing else in Kabuto uses it. */
const MASTER_SYNC_REQUEST_LOCK = 7_203_001;

export type MasterSyncRequest = { accepted: true; run: MasterSyncRun } | { accepted: false; activeRun: MasterSyncRun };

/**
 * Records a queued master_sync_runs row and enqueues its job, unless a sync is already queued or
 * running (then that run is returned and nothing is enqueued). Gateway and scheduler both use this,
 * so two syncs never run at once however many replicas ask. `force` applies a listing that would
 * deactivate more than a tenth of the active companies (only a person asks for it).
 */
export async function requestMasterSync(
  deps: { prisma: PrismaClient; queues: Pick<QueueRepository, "enqueueAll"> },
  { force, ...request }: { trigger: SyncMasterPayload["trigger"]; source: MasterSource; force?: boolean | undefined },
): Promise<MasterSyncRequest> {
  const outcome = await deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${MASTER_SYNC_REQUEST_LOCK})`;
    const activeRun = await tx.masterSyncRun.findFirst({
      where: { status: { in: ["queued", "running"] } },
      orderBy: { id: "desc" },
    });
    if (activeRun) return { accepted: false as const, activeRun };
    return { accepted: true as const, run: await tx.masterSyncRun.create({ data: { ...request, status: "queued" } }) };
  });
  if (!outcome.accepted) return outcome;
  const payload: SyncMasterPayload = { runId: outcome.run.id, ...request, ...(force ? { force } : {}) };
  try {
    await deps.queues.enqueueAll([{ name: JOB.SYNC_MASTER, data: payload }]);
  } catch (error) {
    await deps.prisma.masterSyncRun.update({
      where: { id: outcome.run.id },
      data: {
        status: "failed",
        error: `could not enqueue: ${error instanceof Error ? error.message : String(error)}`,
        completedAt: new Date(),
      },
    });
    throw error;
  }
  return outcome;
}
