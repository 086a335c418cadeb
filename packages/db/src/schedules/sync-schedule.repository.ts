import type { PrismaClient, Provider, RunStatus, SyncSchedule } from "../generated/prisma/client";

/** What the scheduler reads of a sync_schedules row. */
export type ScheduleRow = Pick<SyncSchedule, "jobName" | "enabled" | "cronTime" | "timezone" | "provider">;

/** Reads and writes of sync_schedules (the rows are seeded by a migration). */
export function syncScheduleRepository(prisma: PrismaClient) {
  return {
    find(jobName: string): Promise<SyncSchedule | null> {
      return prisma.syncSchedule.findUnique({ where: { jobName } });
    },

    /** Every schedule, by job name. */
    list(): Promise<ScheduleRow[]> {
      return prisma.syncSchedule.findMany({
        select: { jobName: true, enabled: true, cronTime: true, timezone: true, provider: true },
        orderBy: { jobName: "asc" },
      });
    },

    /** Changes the time of day ("HH:MM"), whether it runs and its provider; what is not given stays. */
    update(
      jobName: string,
      change: { cronTime?: string | undefined; enabled?: boolean | undefined; provider?: Provider | undefined },
    ) {
      return prisma.syncSchedule.update({
        where: { jobName },
        data: {
          ...(change.cronTime ? { cronTime: change.cronTime } : {}),
          ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
          ...(change.provider === undefined ? {} : { provider: change.provider }),
        },
      });
    },

    /**
     * Stamps the row with how a run went: `at` when the run was requested, `count` once known;
     * what is not given stays as it was.
     */
    async recordRun(jobName: string, run: { status: RunStatus; at?: Date; count?: number }): Promise<void> {
      // updateMany: the row may have been deleted since it was scheduled
      await prisma.syncSchedule.updateMany({
        where: { jobName },
        data: {
          lastStatus: run.status,
          ...(run.at === undefined ? {} : { lastRunAt: run.at }),
          ...(run.count === undefined ? {} : { lastCount: run.count }),
        },
      });
    },
  };
}

/** Reads and writes of sync_schedules. */
export type SyncScheduleRepository = ReturnType<typeof syncScheduleRepository>;
