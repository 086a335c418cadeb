import type { MasterSyncRun, PrismaClient } from "../generated/prisma/client";
import type { ListingChanges } from "../companies/company-listing.repository";

/** Reads and writes of master_sync_runs (a run is created by `requestMasterSync`). */
export function masterSyncRunRepository(prisma: PrismaClient) {
  return {
    /** A run known to exist (it was created by this caller); throws when it does not. */
    get(runId: number): Promise<MasterSyncRun> {
      return prisma.masterSyncRun.findUniqueOrThrow({ where: { id: runId } });
    },

    /** The latest runs, newest first. */
    latest(limit: number): Promise<MasterSyncRun[]> {
      return prisma.masterSyncRun.findMany({ orderBy: { id: "desc" }, take: limit });
    },

    async markRunning(runId: number, at: Date): Promise<void> {
      await prisma.masterSyncRun.update({ where: { id: runId }, data: { status: "running", startedAt: at } });
    },

    async markCompleted(runId: number, changes: ListingChanges, at: Date): Promise<void> {
      await prisma.masterSyncRun.update({
        where: { id: runId },
        data: { status: "completed", ...changes, completedAt: at },
      });
    },

    /** An attempt failed and the queue will try again: queued once more, with the reason. */
    async markRetrying(runId: number, error: string): Promise<void> {
      await prisma.masterSyncRun.update({ where: { id: runId }, data: { status: "queued", error } });
    },

    async markFailed(runId: number, error: string, at: Date): Promise<void> {
      await prisma.masterSyncRun.update({ where: { id: runId }, data: { status: "failed", error, completedAt: at } });
    },
  };
}

/** Reads and writes of master_sync_runs. */
export type MasterSyncRunRepository = ReturnType<typeof masterSyncRunRepository>;
