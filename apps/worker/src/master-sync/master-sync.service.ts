import { type Logger, type SyncMasterPayload } from "@kabuto/core";
import { applyListingSnapshot, type Database, type ListingChanges } from "@kabuto/db";
import { MARKETS } from "@kabuto/providers";

import type { ListingSource } from "./listing-sources";

export interface MasterSyncServiceDeps {
  db: Database;
  logger: Logger;
  sources: Record<SyncMasterPayload["source"], ListingSource>;
}

/**
 * Runs one master sync: fetch the whole listing, apply it in one transaction, record the run.
 * A failed download or parse changes nothing in companies; the run records the reason.
 */
export function createMasterSyncService(deps: MasterSyncServiceDeps) {
  const { prisma, pool } = deps.db;

  return {
    async run(payload: SyncMasterPayload): Promise<ListingChanges> {
      const logger = deps.logger.child({ run_id: payload.runId, source: payload.source });
      await prisma.masterSyncRun.update({
        where: { id: payload.runId },
        data: { status: "running", startedAt: new Date() },
      });
      try {
        const snapshot = await deps.sources[payload.source]();
        const changes = await applyListingSnapshot(
          pool,
          { listings: snapshot.listings, markets: MARKETS },
          payload.source,
        );
        await prisma.masterSyncRun.update({
          where: { id: payload.runId },
          data: { status: "completed", ...changes, completedAt: new Date() },
        });
        await prisma.syncSchedule.updateMany({
          where: { jobName: "master_sync" },
          data: { lastStatus: "completed", lastCount: changes.total },
        });
        logger.info("master sync completed", { ...changes, reference_date: snapshot.referenceDate });
        return changes;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await prisma.masterSyncRun.update({
          where: { id: payload.runId },
          data: { status: "failed", error: message, completedAt: new Date() },
        });
        await prisma.syncSchedule.updateMany({ where: { jobName: "master_sync" }, data: { lastStatus: "failed" } });
        logger.error("master sync failed", { error: message });
        throw error;
      }
    },
  };
}

export type MasterSyncService = ReturnType<typeof createMasterSyncService>;
