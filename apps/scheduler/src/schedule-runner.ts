import { hostname } from "node:os";

import type { Redis } from "ioredis";
import { createTask, type Logger as CronLogger, type ScheduledTask } from "node-cron";

import {
  InvalidScheduleError,
  assertTimezone,
  scheduleChangedChannel,
  toCronExpression,
  type Logger,
  type Provider,
} from "@kabuto/core";
import { syncScheduleRepository, type PrismaClient, type ScheduleRow } from "@kabuto/db";

import type { ScheduledAction, ScheduledActions } from "./actions";
import { createRunLock, type RunLockStore } from "./run-lock";

/** A schedule as the scheduler currently holds it. */
export interface ScheduleState {
  jobName: string;
  enabled: boolean;
  cronTime: string;
  timezone: string;
  provider: Provider | null;
  /** Null when the schedule is disabled, invalid or has no action. */
  nextRunAt: Date | null;
}

/** The schedules of sync_schedules, kept live. */
export interface Scheduler {
  /** Loads the schedules, then follows their changes (notifications and periodic re-reads). */
  start(): Promise<void>;
  /** Re-reads sync_schedules and reschedules whatever changed. */
  refresh(): Promise<void>;
  /** Stops every schedule and waits for the occurrences in progress. */
  stop(): Promise<void>;
  schedules(): ScheduleState[];
}

export interface SchedulerOptions {
  config: {
    /** QUEUE_PREFIX: scopes the run locks to this installation. */
    queuePrefix: string;
    /** Fallback re-read of sync_schedules, for a missed notification. */
    refreshIntervalMs: number;
  };
  logger: Logger;
  prisma: PrismaClient;
  /** Takes the run locks; a producer connection is right (a lock that cannot be taken skips the run). */
  redis: RunLockStore;
  /** A connection of its own: it is put into subscriber mode for the change notifications. */
  subscriber: Redis;
  actions: ScheduledActions;
  now?: () => Date;
}

/**
 * node-cron drops an occurrence whose timer fires more than a second late (a busy event loop, a
 * loaded host); a daily job should still run then. The run lock keeps a late run single.
 */
const LATE_RUN_TOLERANCE_MS = 50_000;

interface Entry {
  row: ScheduleRow;
  task?: ScheduledTask;
}

function sameSchedule(a: ScheduleRow, b: ScheduleRow): boolean {
  return a.enabled === b.enabled && a.cronTime === b.cronTime && a.timezone === b.timezone && a.provider === b.provider;
}

/** Resolves once the connection is ready, however many failed attempts come first. */
function whenReady(connection: Redis): Promise<void> {
  if (connection.status === "ready") return Promise.resolve();
  return new Promise((resolve) => connection.once("ready", () => resolve()));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs each sync_schedules row's action once a day at its `cron_time` in its timezone. With several
 * replicas, each occurrence runs on exactly one of them (a Redis claim per job and minute).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { config, logger, actions, subscriber } = options;
  const now = options.now ?? (() => new Date());
  const repository = syncScheduleRepository(options.prisma);
  const lock = createRunLock({
    store: options.redis,
    prefix: config.queuePrefix,
    owner: `${hostname()}-${process.pid}`,
  });
  const cronLogger: CronLogger = {
    info: (message) => logger.debug(message),
    warn: (message) => logger.warn(message),
    error: (message, error) => logger.error(errorMessage(message), { error: error && errorMessage(error) }),
    debug: (message) => logger.debug(errorMessage(message)),
  };
  const entries = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  let refreshing: Promise<void> = Promise.resolve();
  let pollTimer: NodeJS.Timeout | undefined;

  async function fire(row: ScheduleRow, action: ScheduledAction, scheduledAt: Date): Promise<void> {
    const log = logger.child({ job_name: row.jobName, scheduled_at: scheduledAt.toISOString() });
    try {
      if (!(await lock.acquire(row.jobName, scheduledAt))) {
        log.info("scheduled run taken by another scheduler");
        return;
      }
    } catch (error) {
      log.error("scheduled run skipped: could not take its lock", { error: errorMessage(error) });
      return;
    }
    try {
      const outcome = await action({
        jobName: row.jobName,
        scheduledAt,
        timezone: row.timezone,
        provider: row.provider ?? undefined,
      });
      if (!outcome.requested) {
        log.info("scheduled run skipped", { reason: outcome.reason });
        return;
      }
      await repository.recordRun(row.jobName, { at: now(), status: outcome.status, count: outcome.count });
      log.info("scheduled run requested", { status: outcome.status, ...outcome.details });
    } catch (error) {
      log.error("scheduled run failed", { error: errorMessage(error) });
      await repository
        .recordRun(row.jobName, { at: now(), status: "failed" })
        .catch((recordError: unknown) =>
          log.error("could not record the failed run", { error: errorMessage(recordError) }),
        );
    }
  }

  function track(run: Promise<void>): void {
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  function install(row: ScheduleRow): Entry {
    if (!row.enabled) return { row };
    const action = actions[row.jobName];
    if (!action) {
      logger.warn("schedule has no action; not scheduled", { job_name: row.jobName });
      return { row };
    }
    try {
      const expression = toCronExpression(row.cronTime);
      assertTimezone(row.timezone);
      const task = createTask(expression, (context) => track(fire(row, action, context.date)), {
        name: `schedule-${row.jobName}`,
        timezone: row.timezone,
        logger: cronLogger,
        missedExecutionTolerance: LATE_RUN_TOLERANCE_MS,
      });
      void task.start();
      return { row, task };
    } catch (error) {
      if (!(error instanceof InvalidScheduleError)) throw error;
      logger.error("invalid schedule; not scheduled", { job_name: row.jobName, reason: error.message });
      return { row };
    }
  }

  function summary(entry: Entry) {
    return {
      job_name: entry.row.jobName,
      enabled: entry.row.enabled,
      cron_time: entry.row.cronTime,
      timezone: entry.row.timezone,
      ...(entry.row.provider ? { provider: entry.row.provider } : {}),
      next_run_at: entry.task?.getNextRun()?.toISOString() ?? null,
    };
  }

  async function reload(): Promise<void> {
    const rows = await repository.list();
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.jobName);
      const current = entries.get(row.jobName);
      if (current && sameSchedule(current.row, row)) continue;
      await current?.task?.destroy();
      const entry = install(row);
      entries.set(row.jobName, entry);
      logger.info(current ? "schedule changed" : "schedule loaded", summary(entry));
    }
    for (const [jobName, entry] of entries) {
      if (seen.has(jobName)) continue;
      await entry.task?.destroy();
      entries.delete(jobName);
      logger.info("schedule removed", { job_name: jobName });
    }
  }

  function refresh(): Promise<void> {
    const next = refreshing.then(reload);
    refreshing = next.catch(() => undefined);
    return next;
  }

  function refreshInBackground(cause: string): void {
    refresh().catch((error: unknown) =>
      logger.warn("could not re-read the schedules; keeping the current ones", { cause, error: errorMessage(error) }),
    );
  }

  function onMessage(channel: string, jobName: string): void {
    if (channel !== scheduleChangedChannel(config.queuePrefix)) return;
    logger.info("schedule change notified", { job_name: jobName });
    refreshInBackground("notification");
  }

  return {
    async start() {
      await refresh();
      subscriber.on("message", onMessage);
      // a SUBSCRIBE sent while ioredis still checks the connection breaks that check (ioredis#2037)
      await whenReady(subscriber);
      await subscriber.subscribe(scheduleChangedChannel(config.queuePrefix));
      pollTimer = setInterval(() => refreshInBackground("poll"), config.refreshIntervalMs);
    },
    refresh,
    async stop() {
      clearInterval(pollTimer);
      subscriber.off("message", onMessage);
      await refreshing;
      for (const entry of entries.values()) await entry.task?.destroy();
      entries.clear();
      await Promise.allSettled(inFlight);
    },
    schedules() {
      return [...entries.values()].map(({ row, task }) => ({ ...row, nextRunAt: task?.getNextRun() ?? null }));
    },
  };
}
