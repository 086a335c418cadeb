import type { ScheduleBody, SyncRun } from "@kabuto/contract";
import { nextDailyRun } from "@kabuto/core";
import type { MasterSyncRun, SyncSchedule } from "@kabuto/db";

/** A master sync run as the API returns it. */
export function serializeSyncRun(run: MasterSyncRun): SyncRun {
  const durationMs = run.startedAt && run.completedAt ? run.completedAt.getTime() - run.startedAt.getTime() : null;
  return {
    id: run.id,
    trigger: run.trigger,
    source: run.source,
    status: run.status,
    total: run.total,
    added: run.added,
    updated: run.updated,
    removed: run.removed,
    error: run.error,
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    completed_at: run.completedAt?.toISOString() ?? null,
    duration_seconds: durationMs === null ? null : durationMs / 1000,
  };
}

/** A schedule as the API returns it, with its next run in its own timezone. */
export function serializeSchedule(schedule: SyncSchedule, now: Date): ScheduleBody {
  return {
    job_name: schedule.jobName,
    enabled: schedule.enabled,
    time: schedule.cronTime,
    timezone: schedule.timezone,
    last_run_at: schedule.lastRunAt?.toISOString() ?? null,
    last_status: schedule.lastStatus,
    last_count: schedule.lastCount,
    next_run_at: schedule.enabled ? nextDailyRun(schedule.cronTime, now, schedule.timezone).toISOString() : null,
    updated_at: schedule.updatedAt.toISOString(),
  };
}
