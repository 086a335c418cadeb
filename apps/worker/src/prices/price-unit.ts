import { UnrecoverableError, type Job } from "bullmq";

import { PermanentError, TemporaryError, type Logger } from "@kabuto/core";
import type { BatchProgressPublisher, BatchRepository, UnitOutcome } from "@kabuto/db";

import type { SystemErrorPauses } from "./system-error-pauses";

export interface PriceUnitDeps {
  batches: BatchRepository;
  progress: BatchProgressPublisher;
  pauses: SystemErrorPauses;
  logger: Logger;
}

/**
 * Runs one unit of a price batch (a Yahoo symbol, a J-Quants date) around `work`, which fetches,
 * stores and returns the rows written. A batch that is not running (paused, stopping) leaves its
 * unit pending. A permanent failure is recorded and the job ends; a temporary one is rethrown so
 * BullMQ retries it with backoff, and recorded as failed only when the last attempt fails; a 429
 * is never charged. An unreachable database pauses the batch (see SystemErrorPauses). Every
 * change is published as progress.
 */
export function priceUnitRunner(deps: PriceUnitDeps) {
  async function finish(batchId: string, unit: string, outcome: UnitOutcome) {
    const counters = await deps.batches.finishUnit(batchId, unit, outcome);
    void deps.progress.changed(batchId, { statusChanged: counters?.status !== "running" });
  }

  async function run(batchId: string, unit: string, job: Job, work: () => Promise<number>) {
    const status = await deps.batches.startUnit(batchId, unit);
    if (status === undefined) throw new UnrecoverableError(`batch ${batchId} does not exist`);
    if (status === "paused") await deps.batches.releaseUnit(batchId, unit);
    if (status === "cancel_requested") {
      await deps.batches.cancelUnit(batchId, unit);
      void deps.progress.changed(batchId, { statusChanged: true });
    }
    if (status !== "running") return { skipped: status };
    void deps.progress.changed(batchId);
    try {
      const records = await work();
      await finish(batchId, unit, { status: "completed", records });
      return { records };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentError) {
        await finish(batchId, unit, { status: "failed", errorClass: "permanent", message });
        throw new UnrecoverableError(message);
      }
      const rateLimited = error instanceof TemporaryError && error.retryAfterMs !== undefined;
      const lastAttempt = !rateLimited && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await finish(batchId, unit, { status: "failed", errorClass: "temporary", message });
      deps.logger.warn("price unit failed", {
        batch_id: batchId,
        unit,
        attempt: job.attemptsMade + 1,
        error: message,
      });
      throw error;
    }
  }

  return (batchId: string, unit: string, job: Job, work: () => Promise<number>) =>
    deps.pauses.guard(batchId, () => run(batchId, unit, job, work));
}
