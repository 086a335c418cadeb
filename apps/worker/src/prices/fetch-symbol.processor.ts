import { UnrecoverableError, type Job } from "bullmq";

import { PermanentError, SystemError, TemporaryError, type FetchSymbolPayload, type Logger } from "@kabuto/core";
import {
  isDatabaseUnavailable,
  upsertPriceBars,
  type BatchProgressPublisher,
  type BatchRepository,
  type Database,
  type UnitOutcome,
} from "@kabuto/db";
import type { YahooChartClient, YahooInterval, YahooRange } from "@kabuto/providers";

import type { JobHandler } from "../job-handler";

export interface FetchSymbolDeps {
  db: Database;
  batches: BatchRepository;
  yahoo: YahooChartClient;
  progress: BatchProgressPublisher;
  logger: Logger;
}

/**
 * One Yahoo symbol of a batch: fetch, store in bulk, count. A permanent failure is recorded and the
 * job ends; a temporary one is rethrown so BullMQ retries it with backoff, and recorded as failed
 * only when the last attempt fails. A batch that is not running (paused, stopping) leaves its
 * symbol pending. An unreachable database is a SystemError: the job is not the one to blame.
 */
export function fetchSymbolProcessor(deps: FetchSymbolDeps): JobHandler<"fetch-symbol"> {
  return async (payload: FetchSymbolPayload, job: Job) => {
    try {
      return await fetchSymbol(payload, job);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        throw new SystemError(`database unreachable: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      throw error;
    }
  };

  async function fetchSymbol(payload: FetchSymbolPayload, job: Job) {
    const status = await deps.batches.startUnit(payload.batchId, payload.symbol);
    if (status === undefined) throw new UnrecoverableError(`batch ${payload.batchId} does not exist`);
    if (status !== "running") return { skipped: status };
    void deps.progress.changed(payload.batchId);
    try {
      const bars = await deps.yahoo.fetchBars({
        symbol: payload.symbol,
        interval: payload.interval as YahooInterval,
        range: (payload.period ?? "1mo") as YahooRange,
      });
      const records = await upsertPriceBars(deps.db.pool, bars);
      await finish(payload, { status: "completed", records });
      return { records };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentError) {
        await finish(payload, { status: "failed", errorClass: "permanent", message });
        throw new UnrecoverableError(message);
      }
      const rateLimited = error instanceof TemporaryError && error.retryAfterMs !== undefined;
      const lastAttempt = !rateLimited && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) {
        await finish(payload, { status: "failed", errorClass: "temporary", message });
      }
      deps.logger.warn("symbol fetch failed", {
        batch_id: payload.batchId,
        symbol: payload.symbol,
        attempt: job.attemptsMade + 1,
        error: message,
      });
      throw error;
    }
  }

  async function finish(payload: FetchSymbolPayload, outcome: UnitOutcome) {
    const counters = await deps.batches.finishUnit(payload.batchId, payload.symbol, outcome);
    void deps.progress.changed(payload.batchId, { statusChanged: counters?.status !== "running" });
  }
}
