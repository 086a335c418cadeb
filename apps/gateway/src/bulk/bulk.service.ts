import { randomBytes } from "node:crypto";

import type { Queue } from "bullmq";

import { DEFAULT_JOB_OPTIONS, JOB, QUEUE, jobId, type FetchSymbolPayload } from "@kabuto/core";
import { batchRepository, type BatchExecution, type BatchProgressPublisher, type Database } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import { toYahooSymbol, type BulkStartRequest } from "./bulk-request.schema";

/** Jobs added per round trip to Redis. */
const ADD_CHUNK = 1_000;
/** Job removals in flight at once. */
const REMOVE_CHUNK = 10;

const NOT_FOUND = () => new ApiError("NOT_FOUND", "指定されたジョブが見つかりません");

/** Starts, pauses, resumes and stops bulk price fetches: batch state in PostgreSQL, one job per symbol. */
export function createBulkService(deps: { db: Database; queue: Queue; progress: BatchProgressPublisher }) {
  const { prisma } = deps.db;
  const batches = batchRepository(prisma, deps.db.pool);

  async function enqueue(batch: BatchExecution, symbols: readonly string[]) {
    for (let start = 0; start < symbols.length; start += ADD_CHUNK) {
      const chunk = symbols.slice(start, start + ADD_CHUNK);
      await deps.queue.addBulk(
        chunk.map((symbol) => {
          const data: FetchSymbolPayload = {
            batchId: batch.id,
            symbol,
            provider: "yahoo",
            interval: batch.interval,
            ...(batch.period ? { period: batch.period } : {}),
          };
          return {
            name: JOB.FETCH_SYMBOL,
            data,
            opts: { ...DEFAULT_JOB_OPTIONS[QUEUE.PRICE_FETCH], jobId: jobId(batch.id, symbol) },
          };
        }),
      );
    }
  }

  /** Removes the jobs of these units, a few at a time (each removal is one round trip to Redis). */
  async function removeJobs(batchId: string, units: readonly string[]) {
    for (let start = 0; start < units.length; start += REMOVE_CHUNK) {
      await Promise.all(
        units.slice(start, start + REMOVE_CHUNK).map((unit) => deps.queue.remove(jobId(batchId, unit))),
      );
    }
  }

  /** Takes the batch's waiting jobs off the queue; jobs already running finish. */
  async function dequeue(batchId: string) {
    await removeJobs(batchId, await batches.pendingUnits(batchId));
  }

  async function find(batchId: string) {
    const batch = await prisma.batchExecution.findUnique({ where: { id: batchId } });
    if (!batch) throw NOT_FOUND();
    return batch;
  }

  return {
    find,

    async start(request: BulkStartRequest): Promise<BatchExecution> {
      const symbols = request.symbols
        ? [...new Set(request.symbols.map((symbol) => toYahooSymbol(symbol)!))]
        : (
            await prisma.company.findMany({
              where: { isActive: true, ...(request.market_category ? { marketName: request.market_category } : {}) },
              select: { code: true },
              orderBy: { code: "asc" },
            })
          ).map((company) => `${company.code}.T`);
      if (symbols.length === 0)
        throw new ApiError("VALIDATION_ERROR", "対象の銘柄がありません (銘柄マスタを同期してください)");
      const batch = await batches.create({
        id: `job-${Date.now()}-${randomBytes(3).toString("hex")}`,
        type: request.all ? "all_stocks" : "partial",
        provider: "yahoo",
        unit: "symbols",
        interval: request.interval,
        period: request.period,
        units: symbols,
      });
      await enqueue(batch, symbols);
      await deps.progress.changed(batch.id, { statusChanged: true });
      return batch;
    },

    async pause(batchId: string): Promise<BatchExecution> {
      await find(batchId);
      if (!(await batches.transition(batchId, ["queued", "running"], "paused"))) {
        throw new ApiError("CONFLICT", "実行中のジョブだけを一時停止できます");
      }
      await deps.progress.changed(batchId, { statusChanged: true });
      await dequeue(batchId);
      return find(batchId);
    },

    async resume(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      if (!(await batches.transition(batchId, ["paused"], batch.startedAt ? "running" : "queued"))) {
        throw new ApiError("CONFLICT", "一時停止中のジョブだけを再開できます");
      }
      const pending = await batches.pendingUnits(batchId);
      // A job a worker picked up while paused completed without work; its id must be free again.
      await removeJobs(batchId, pending);
      await enqueue(batch, pending);
      await deps.progress.changed(batchId, { statusChanged: true });
      return find(batchId);
    },

    async stop(batchId: string): Promise<BatchExecution> {
      await find(batchId);
      if (!(await batches.transition(batchId, ["queued", "running", "paused"], "cancel_requested"))) {
        throw new ApiError("CONFLICT", "このジョブはすでに終了しています");
      }
      const stopped = await find(batchId);
      await dequeue(batchId);
      await batches.cancelPending(batchId);
      await deps.progress.changed(batchId, { statusChanged: true });
      return stopped;
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
