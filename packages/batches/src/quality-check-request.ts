import { randomBytes } from "node:crypto";

import { JOB } from "@kabuto/core";
import { qualityCheckRepository, type Database, type NewQualityCheck } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

interface QualityCheckRequestDeps {
  db: Database;
  queues: Pick<QueueRepository, "enqueueAll">;
}

const checkJob = (checkId: string) => ({ name: JOB.CHECK_QUALITY, data: { checkId } });

/**
 * Records and enqueues the check run that follows a completed batch. Its run and job ids derive
 * from the batch, so asking twice (a retried last unit) runs it once.
 */
export async function requestBatchQualityCheck(deps: QualityCheckRequestDeps, batchId: string): Promise<void> {
  await qualityCheckRepository(deps.db.prisma, deps.db.pool).createForBatch(batchId);
  await deps.queues.enqueueAll([checkJob(batchId)]);
}

/** Records and enqueues an on-demand check run; returns its id. A run that cannot be enqueued is recorded failed. */
export async function requestQualityCheck(
  deps: QualityCheckRequestDeps,
  request: Omit<NewQualityCheck, "id">,
  now = new Date(),
): Promise<string> {
  const checks = qualityCheckRepository(deps.db.prisma, deps.db.pool);
  const { id } = await checks.create({ ...request, id: `check-${now.getTime()}-${randomBytes(3).toString("hex")}` });
  try {
    await deps.queues.enqueueAll([checkJob(id)]);
  } catch (error) {
    await checks.fail(id, `could not enqueue: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  return id;
}
