import { Router } from "express";

import {
  bulkStartBodySchema,
  bulkUpdateBodySchema,
  jobHistoryQuerySchema,
  jobParamsSchema,
  jobSymbolsQuerySchema,
} from "@kabuto/contract";
import { SCHEDULE_JOB } from "@kabuto/core";
import { batchQueryRepository, syncScheduleRepository } from "@kabuto/db";

import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { optionalJsonBody } from "../http/optional-json-body";
import { validate } from "../http/validate";
import { serializeBulkJob, serializeJobSymbol } from "./bulk-job.serializer";
import { BULK_OPENAPI } from "./bulk.openapi";

/**
 * Seed 000's bulk fetch contract (start, status, stop) plus the daily update on demand, pause,
 * resume, retry, history and per-unit listing.
 */
export function bulkRoutes(deps: Pick<FeatureContext, "db" | "bulk">): Router {
  const router = Router();
  const batches = batchQueryRepository(deps.db.prisma);
  const schedules = syncScheduleRepository(deps.db.prisma);

  router.post("/bulk/start", async (request, response) => {
    const batch = await deps.bulk.start(validate(bulkStartBodySchema, request.body));
    response.status(202).json({ success: true, job_id: batch.id, status: "accepted" });
  });

  router.post("/bulk/update", async (request, response) => {
    const body = validate(bulkUpdateBodySchema, optionalJsonBody(request));
    const provider = body.provider ?? (await schedules.find(SCHEDULE_JOB.DAILY_PRICES))?.provider ?? "yahoo";
    const batch = await deps.bulk.update(provider);
    response.status(202).json({ success: true, job_id: batch.id, status: "accepted" });
  });

  router.get("/bulk/status/:job_id", async (request, response) => {
    const batch = await deps.bulk.find(validate(jobParamsSchema, request.params).job_id);
    const [failures, quality] = await Promise.all([batches.failuresByClass([batch.id]), batches.quality([batch.id])]);
    response.json({ success: true, job: serializeBulkJob(batch, failures.get(batch.id), quality.get(batch.id)) });
  });

  router.post("/bulk/stop/:job_id", async (request, response) => {
    const batch = await deps.bulk.stop(validate(jobParamsSchema, request.params).job_id);
    response.json({ success: true, message: "キャンセルを受け付けました", job: serializeBulkJob(batch) });
  });

  router.post("/bulk/pause/:job_id", async (request, response) => {
    const batch = await deps.bulk.pause(validate(jobParamsSchema, request.params).job_id);
    response.json({ success: true, message: "一時停止しました", job: serializeBulkJob(batch) });
  });

  router.post("/bulk/resume/:job_id", async (request, response) => {
    const batch = await deps.bulk.resume(validate(jobParamsSchema, request.params).job_id);
    response.json({ success: true, message: "再開しました", job: serializeBulkJob(batch) });
  });

  router.post("/bulk/retry/:job_id", async (request, response) => {
    const batch = await deps.bulk.retry(validate(jobParamsSchema, request.params).job_id);
    response.status(202).json({ success: true, job_id: batch.id, status: "accepted", retried: batch.total });
  });

  router.get("/bulk/jobs", async (request, response) => {
    const page = validate(jobHistoryQuerySchema, request.query);
    const { batches: jobs, total } = await batches.page(page);
    const ids = jobs.map((job) => job.id);
    const [failures, quality] = await Promise.all([batches.failuresByClass(ids), batches.quality(ids)]);
    response.json({
      success: true,
      jobs: jobs.map((job) => serializeBulkJob(job, failures.get(job.id), quality.get(job.id))),
      total,
      limit: page.limit,
      offset: page.offset,
    });
  });

  router.get("/bulk/jobs/:job_id/symbols", async (request, response) => {
    const { job_id: jobId } = validate(jobParamsSchema, request.params);
    const query = validate(jobSymbolsQuerySchema, request.query);
    const batch = await deps.bulk.find(jobId);
    const { units, total } = await batches.units(batch.id, query);
    response.json({ success: true, job_id: batch.id, total, symbols: units.map(serializeJobSymbol) });
  });

  return router;
}

/** `/api/bulk/…`. */
export const bulkFeature: GatewayFeature = { routes: bulkRoutes, openapi: BULK_OPENAPI };
