import { jobId } from "@kabuto/core";
import {
  EmptyBatchError,
  batchRepository,
  enqueuePriceUnits,
  startPriceBatch,
  type BatchExecution,
  type BatchProgressPublisher,
  type Database,
  type PriceQueueHandles,
} from "@kabuto/db";

import { ApiError } from "../http/api-error";
import { toYahooSymbol, type BulkStartRequest } from "./bulk-request.schema";

/** Job removals in flight at once. */
const REMOVE_CHUNK = 10;

const NOT_FOUND = () => new ApiError("NOT_FOUND", "指定されたジョブが見つかりません");

/**
 * Starts, pauses, resumes and stops bulk price fetches: batch state in PostgreSQL, one job per
 * symbol (Yahoo) or per trading date (J-Quants).
 */
export function createBulkService(deps: { db: Database; queues: PriceQueueHandles; progress: BatchProgressPublisher }) {
  const { prisma } = deps.db;
  const batches = batchRepository(prisma, deps.db.pool);

  /** Removes the jobs of these units, a few at a time (each removal is one round trip to Redis). */
  async function removeJobs(batch: BatchExecution, units: readonly string[]) {
    const queue = deps.queues[batch.provider];
    for (let start = 0; start < units.length; start += REMOVE_CHUNK) {
      await Promise.all(units.slice(start, start + REMOVE_CHUNK).map((unit) => queue.remove(jobId(batch.id, unit))));
    }
  }

  /** Takes the batch's waiting jobs off the queue; jobs already running finish. */
  async function dequeue(batch: BatchExecution) {
    await removeJobs(batch, await batches.pendingUnits(batch.id));
  }

  async function find(batchId: string) {
    const batch = await prisma.batchExecution.findUnique({ where: { id: batchId } });
    if (!batch) throw NOT_FOUND();
    return batch;
  }

  return {
    find,

    async start(request: BulkStartRequest): Promise<BatchExecution> {
      try {
        const batch = await startPriceBatch(
          { prisma, batches, queues: deps.queues },
          {
            provider: request.provider,
            interval: request.interval,
            period: request.period,
            ...(request.symbols
              ? { symbols: [...new Set(request.symbols.map((symbol) => toYahooSymbol(symbol)!))] }
              : {}),
            ...(request.market_category ? { marketName: request.market_category } : {}),
          },
        );
        await deps.progress.changed(batch.id, { statusChanged: true });
        return batch;
      } catch (error) {
        if (error instanceof EmptyBatchError) throw new ApiError("VALIDATION_ERROR", error.message);
        throw error;
      }
    },

    async pause(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      if (!(await batches.transition(batchId, ["queued", "running"], "paused"))) {
        throw new ApiError("CONFLICT", "実行中のジョブだけを一時停止できます");
      }
      await deps.progress.changed(batchId, { statusChanged: true });
      await dequeue(batch);
      return find(batchId);
    },

    async resume(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      if (!(await batches.transition(batchId, ["paused"], batch.startedAt ? "running" : "queued"))) {
        throw new ApiError("CONFLICT", "一時停止中のジョブだけを再開できます");
      }
      const pending = await batches.pendingUnits(batchId);
      // A job a worker picked up while paused completed without work; its id must be free again.
      await removeJobs(batch, pending);
      await enqueuePriceUnits(deps.queues, batch, pending);
      await deps.progress.changed(batchId, { statusChanged: true });
      return find(batchId);
    },

    async stop(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      if (!(await batches.transition(batchId, ["queued", "running", "paused"], "cancel_requested"))) {
        throw new ApiError("CONFLICT", "このジョブはすでに終了しています");
      }
      const stopped = await find(batchId);
      await dequeue(batch);
      await batches.cancelPending(batchId);
      await deps.progress.changed(batchId, { statusChanged: true });
      return stopped;
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
