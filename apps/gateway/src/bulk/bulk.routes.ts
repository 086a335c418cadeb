import { Router } from "express";
import { z } from "zod";

import type { Database } from "@kabuto/db";

import { validate } from "../http/validate";
import { bulkStartSchema } from "./bulk-request.schema";
import { serializeBulkJob } from "./bulk-job.serializer";
import type { BulkService } from "./bulk.service";

const jobParams = z.object({ job_id: z.string().min(1).max(64) });
const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
const symbolsQuery = z.object({
  status: z.enum(["pending", "processing", "completed", "failed", "cancelled"]).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Seed 000's bulk fetch contract (start, status, stop) plus pause, resume, history and per-symbol listing. */
export function bulkRoutes(deps: { db: Database; bulk: BulkService }): Router {
  const router = Router();
  const { prisma } = deps.db;

  /** Failed units per error class of each batch, in one query. */
  async function failuresByClass(batchIds: string[]): Promise<Map<string, Record<string, number>>> {
    const groups = await prisma.batchExecutionDetail.groupBy({
      by: ["batchId", "errorClass"],
      where: { batchId: { in: batchIds }, status: "failed" },
      _count: { _all: true },
    });
    const byBatch = new Map<string, Record<string, number>>();
    for (const group of groups) {
      const classes = byBatch.get(group.batchId) ?? {};
      classes[group.errorClass ?? "unknown"] = group._count._all;
      byBatch.set(group.batchId, classes);
    }
    return byBatch;
  }

  router.post("/bulk/start", async (request, response) => {
    const batch = await deps.bulk.start(validate(bulkStartSchema, request.body));
    response.status(202).json({ success: true, job_id: batch.id, status: "accepted" });
  });

  router.get("/bulk/status/:job_id", async (request, response) => {
    const batch = await deps.bulk.find(validate(jobParams, request.params).job_id);
    response.json({ success: true, job: serializeBulkJob(batch, (await failuresByClass([batch.id])).get(batch.id)) });
  });

  router.post("/bulk/stop/:job_id", async (request, response) => {
    const batch = await deps.bulk.stop(validate(jobParams, request.params).job_id);
    response.json({ success: true, message: "キャンセルを受け付けました", job: serializeBulkJob(batch) });
  });

  router.post("/bulk/pause/:job_id", async (request, response) => {
    const batch = await deps.bulk.pause(validate(jobParams, request.params).job_id);
    response.json({ success: true, message: "一時停止しました", job: serializeBulkJob(batch) });
  });

  router.post("/bulk/resume/:job_id", async (request, response) => {
    const batch = await deps.bulk.resume(validate(jobParams, request.params).job_id);
    response.json({ success: true, message: "再開しました", job: serializeBulkJob(batch) });
  });

  router.get("/bulk/jobs", async (request, response) => {
    const { limit, offset } = validate(historyQuery, request.query);
    const [jobs, total] = await Promise.all([
      prisma.batchExecution.findMany({ orderBy: { createdAt: "desc" }, take: limit, skip: offset }),
      prisma.batchExecution.count(),
    ]);
    const failures = await failuresByClass(jobs.map((job) => job.id));
    response.json({
      success: true,
      jobs: jobs.map((job) => serializeBulkJob(job, failures.get(job.id))),
      total,
      limit,
      offset,
    });
  });

  router.get("/bulk/jobs/:job_id/symbols", async (request, response) => {
    const batch = await deps.bulk.find(validate(jobParams, request.params).job_id);
    const query = validate(symbolsQuery, request.query);
    const where = { batchId: batch.id, ...(query.status ? { status: query.status } : {}) };
    const [details, total] = await Promise.all([
      prisma.batchExecutionDetail.findMany({ where, orderBy: { id: "asc" }, take: query.limit, skip: query.offset }),
      prisma.batchExecutionDetail.count({ where }),
    ]);
    response.json({
      success: true,
      job_id: batch.id,
      total,
      symbols: details.map((detail) => ({
        symbol: detail.symbol,
        status: detail.status,
        attempts: detail.attempts,
        records_inserted: detail.recordsInserted,
        error_class: detail.errorClass,
        error_message: detail.errorMessage,
        duration_ms: detail.durationMs,
      })),
    });
  });

  return router;
}
