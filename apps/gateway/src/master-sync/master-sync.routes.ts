import { Router } from "express";
import { z } from "zod";

import { requestMasterSync } from "@kabuto/batches";
import { MASTER_SOURCES } from "@kabuto/core";
import type { Database, SyncSchedule } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import { serializeSyncRun } from "../companies/company.serializer";
import { ApiError } from "../http/api-error";
import { validate } from "../http/validate";
import { nextDailyRun } from "./next-daily-run";

const syncBody = z.object({ source: z.enum(MASTER_SOURCES).default("jpx") }).default({ source: "jpx" });
const historyQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });
const scheduleBody = z
  .object({
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time は HH:MM (00:00〜23:59) で指定してください")
      .optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => body.time !== undefined || body.enabled !== undefined, "time か enabled を指定してください");

const MASTER_SYNC_SCHEDULE = "master_sync";

function serializeSchedule(schedule: SyncSchedule, now = new Date()) {
  return {
    job_name: schedule.jobName,
    enabled: schedule.enabled,
    time: schedule.cronTime,
    timezone: schedule.timezone,
    last_run_at: schedule.lastRunAt?.toISOString() ?? null,
    last_status: schedule.lastStatus,
    last_count: schedule.lastCount,
    next_run_at: schedule.enabled ? nextDailyRun(schedule.cronTime, now).toISOString() : null,
    updated_at: schedule.updatedAt.toISOString(),
  };
}

/** Seed 001 / 002: manual sync, its status and history, and the live-editable daily schedule. */
export function masterSyncRoutes(deps: {
  db: Database;
  queues: QueueRepository;
  onScheduleChanged: () => Promise<unknown>;
}): Router {
  const router = Router();
  const { prisma } = deps.db;

  router.post("/v1/companies/sync", async (request, response) => {
    const { source } = validate(syncBody, request.body ?? {});
    const outcome = await requestMasterSync({ prisma, queues: deps.queues }, { trigger: "manual", source });
    if (!outcome.accepted) throw new ApiError("CONFLICT", `同期はすでに実行中です (run ${outcome.activeRun.id})`);
    response.status(202).json({ success: true, run: serializeSyncRun(outcome.run) });
  });

  router.get("/v1/companies/sync/status", async (request, response) => {
    const { limit } = validate(historyQuery, request.query);
    const history = await prisma.masterSyncRun.findMany({ orderBy: { id: "desc" }, take: limit });
    const current = history.find((run) => run.status === "queued" || run.status === "running") ?? null;
    const lastFinished = history.find((run) => run.status === "completed" || run.status === "failed") ?? null;
    const companies = await prisma.company.count({ where: { isActive: true } });
    response.json({
      success: true,
      current: current && serializeSyncRun(current),
      last: lastFinished && serializeSyncRun(lastFinished),
      active_companies: companies,
      history: history.map(serializeSyncRun),
    });
  });

  router.get("/v1/companies/schedule", async (_request, response) => {
    const schedule = await prisma.syncSchedule.findUnique({ where: { jobName: MASTER_SYNC_SCHEDULE } });
    if (!schedule)
      throw new ApiError("NOT_FOUND", "同期スケジュールがありません (npm run db:migrate を実行してください)");
    response.json({ success: true, schedule: serializeSchedule(schedule) });
  });

  router.put("/v1/companies/schedule", async (request, response) => {
    const body = validate(scheduleBody, request.body);
    const schedule = await prisma.syncSchedule.update({
      where: { jobName: MASTER_SYNC_SCHEDULE },
      data: {
        ...(body.time ? { cronTime: body.time } : {}),
        ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      },
    });
    await deps.onScheduleChanged();
    response.json({ success: true, schedule: serializeSchedule(schedule) });
  });

  return router;
}
