import { SCHEDULE_JOB, type BatchStatus, type Logger, type SyncMasterPayload } from "@kabuto/core";
import {
  applyListingSnapshot,
  masterSyncRunRepository,
  syncScheduleRepository,
  type Database,
  type ListingChanges,
  type PublishProgress,
} from "@kabuto/db";
import { MARKETS } from "@kabuto/providers";
import { isFinalOutcome, toQueueOutcome, type JobAttempt } from "@kabuto/queue";

import type { ListingSource } from "./listing-sources";

export interface MasterSyncServiceDeps {
  db: Database;
  logger: Logger;
  sources: Record<SyncMasterPayload["source"], ListingSource>;
  /** Where the run's progress events go (the "master-sync" room of the progress service). */
  publish: PublishProgress;
}

/** A master sync run as a progress event: one unit of work, the whole listing. */
function masterSyncEvent(runId: number, status: BatchStatus, companies: number) {
  const done = status === "completed" || status === "failed";
  return {
    batch_id: `master-sync-${runId}`,
    status,
    unit: "companies" as const,
    progress: {
      total: companies,
      processed: done ? companies : 0,
      successful: status === "completed" ? companies : 0,
      failed: 0,
      percentage: done ? 100 : 0,
    },
    current_processing: [],
    estimated_completion: null,
    throughput: { stocks_per_minute: 0, records_per_minute: 0 },
    emitted_at: new Date().toISOString(),
  };
}

/** A job run outside a queue: its one attempt is its last. */
const ONLY_ATTEMPT: JobAttempt = { attemptsMade: 0, opts: { attempts: 1 } };

/**
 * Runs one master sync: fetch the whole listing, apply it in one transaction, record the run.
 * A failed download or parse, or a listing refused as suspicious, changes nothing in companies;
 * the run records the reason, and is queued again while the job has attempts left.
 */
export function createMasterSyncService(deps: MasterSyncServiceDeps) {
  const runs = masterSyncRunRepository(deps.db.prisma);
  const schedules = syncScheduleRepository(deps.db.prisma);
  const publish = (runId: number, status: BatchStatus, companies = 0) =>
    deps
      .publish(masterSyncEvent(runId, status, companies))
      .catch((error: unknown) => deps.logger.warn("progress event not published", { error: String(error) }));

  return {
    async run(payload: SyncMasterPayload, job: JobAttempt = ONLY_ATTEMPT): Promise<ListingChanges> {
      const logger = deps.logger.child({ run_id: payload.runId, source: payload.source });
      await runs.markRunning(payload.runId, new Date());
      await publish(payload.runId, "running");
      try {
        const snapshot = await deps.sources[payload.source]();
        const changes = await applyListingSnapshot(
          deps.db.pool,
          { listings: snapshot.listings, markets: MARKETS },
          payload.source,
          { force: payload.force },
        );
        await runs.markCompleted(payload.runId, changes, new Date());
        await schedules.recordRun(SCHEDULE_JOB.MASTER_SYNC, { status: "completed", count: changes.total });
        await publish(payload.runId, "completed", changes.total);
        logger.info("master sync completed", { ...changes, reference_date: snapshot.referenceDate });
        return changes;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!isFinalOutcome(toQueueOutcome(error, job))) {
          await runs.markRetrying(payload.runId, `attempt ${job.attemptsMade + 1} failed, will retry: ${message}`);
          await publish(payload.runId, "queued");
          logger.warn("master sync attempt failed; retrying", { attempt: job.attemptsMade + 1, error: message });
          throw error;
        }
        await runs.markFailed(payload.runId, message, new Date());
        await schedules.recordRun(SCHEDULE_JOB.MASTER_SYNC, { status: "failed" });
        await publish(payload.runId, "failed");
        logger.error("master sync failed", { error: message });
        throw error;
      }
    },
  };
}

export type MasterSyncService = ReturnType<typeof createMasterSyncService>;
