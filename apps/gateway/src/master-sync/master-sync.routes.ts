import { Router } from "express";

import { requestMasterSync } from "@kabuto/batches";
import { scheduleBodySchema, syncBodySchema, syncHistoryQuerySchema } from "@kabuto/contract";
import { SCHEDULE_JOB } from "@kabuto/core";
import { companyRepository, masterSyncRunRepository, syncScheduleRepository } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { optionalJsonBody } from "../http/optional-json-body";
import { validate } from "../http/validate";
import { MASTER_SYNC_OPENAPI } from "./master-sync.openapi";
import { serializeSchedule, serializeSyncRun } from "./master-sync.serializer";

/** Seed 001 / 002: manual sync, its status and history, and the live-editable daily schedule. */
export function masterSyncRoutes(deps: Pick<FeatureContext, "db" | "queues" | "onScheduleChanged">): Router {
  const router = Router();
  const runs = masterSyncRunRepository(deps.db.prisma);
  const schedules = syncScheduleRepository(deps.db.prisma);
  const companies = companyRepository(deps.db);

  router.post("/v1/companies/sync", async (request, response) => {
    const { source, force } = validate(syncBodySchema, optionalJsonBody(request));
    const outcome = await requestMasterSync(
      { prisma: deps.db.prisma, queues: deps.queues },
      { trigger: "manual", source, force },
    );
    if (!outcome.accepted) throw new ApiError("CONFLICT", `同期はすでに実行中です (run ${outcome.activeRun.id})`);
    response.status(202).json({ success: true, run: serializeSyncRun(outcome.run) });
  });

  router.get("/v1/companies/sync/status", async (request, response) => {
    const { limit } = validate(syncHistoryQuerySchema, request.query);
    const history = await runs.latest(limit);
    const current = history.find((run) => run.status === "queued" || run.status === "running") ?? null;
    const lastFinished = history.find((run) => run.status === "completed" || run.status === "failed") ?? null;
    response.json({
      success: true,
      current: current && serializeSyncRun(current),
      last: lastFinished && serializeSyncRun(lastFinished),
      active_companies: await companies.count({ isActive: true }),
      history: history.map(serializeSyncRun),
    });
  });

  router.get("/v1/companies/schedule", async (_request, response) => {
    const schedule = await schedules.find(SCHEDULE_JOB.MASTER_SYNC);
    if (!schedule)
      throw new ApiError("NOT_FOUND", "同期スケジュールがありません (npm run db:migrate を実行してください)");
    response.json({ success: true, schedule: serializeSchedule(schedule, new Date()) });
  });

  router.put("/v1/companies/schedule", async (request, response) => {
    const body = validate(scheduleBodySchema, request.body);
    const schedule = await schedules.update(SCHEDULE_JOB.MASTER_SYNC, { cronTime: body.time, enabled: body.enabled });
    await deps.onScheduleChanged(SCHEDULE_JOB.MASTER_SYNC);
    response.json({ success: true, schedule: serializeSchedule(schedule, new Date()) });
  });

  return router;
}

/** `/api/v1/companies/sync…` and `/api/v1/companies/schedule`. */
export const masterSyncFeature: GatewayFeature = { routes: masterSyncRoutes, openapi: MASTER_SYNC_OPENAPI };
