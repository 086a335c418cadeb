import type { PrismaClient, RunStatus, SyncSchedule } from "@kabuto/db";

/** What the scheduler reads of a sync_schedules row. */
export type ScheduleRow = Pick<SyncSchedule, "jobName" | "enabled" | "cronTime" | "timezone">;

/** The scheduler's reads and writes of sync_schedules. */
export interface ScheduleRepository {
  list(): Promise<ScheduleRow[]>;
  /** Stamps the row with a run it requested; `count` is left as it was unless given. */
  recordRun(jobName: string, run: { at: Date; status: RunStatus; count?: number }): Promise<void>;
}

export function createScheduleRepository(prisma: PrismaClient): ScheduleRepository {
  return {
    list() {
      return prisma.syncSchedule.findMany({
        select: { jobName: true, enabled: true, cronTime: true, timezone: true },
        orderBy: { jobName: "asc" },
      });
    },
    async recordRun(jobName, run) {
      // updateMany: the row may have been deleted since it was scheduled
      await prisma.syncSchedule.updateMany({
        where: { jobName },
        data: {
          lastRunAt: run.at,
          lastStatus: run.status,
          ...(run.count === undefined ? {} : { lastCount: run.count }),
        },
      });
    },
  };
}
