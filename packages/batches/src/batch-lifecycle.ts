import { randomBytes } from "node:crypto";

import {
  BATCH_STATUS_GROUP,
  JOB,
  KabutoError,
  PermanentError,
  isBatchStatusIn,
  tokyoDate,
  type BatchTransition,
  type JobItem,
  type Logger,
  type Provider,
} from "@kabuto/core";
import {
  batchDateRange,
  batchRepository,
  lastBarDates,
  listedSymbols,
  type BatchExecution,
  type BatchProgressPublisher,
  type Database,
  type NewBatch,
  type UnitOutcome,
} from "@kabuto/db";
import type { DateRange, PriceSource, PriceSources, UnitPlan } from "@kabuto/providers";
import { isFinalOutcome, toQueueOutcome, type JobAttempt, type QueueRepository } from "@kabuto/queue";

import { BatchNotFoundError } from "./batch-not-found.error";
import { batchPriority } from "./batch-priority";
import { BatchRequestError } from "./batch-request.error";
import { BatchRetryError } from "./batch-retry.error";
import { BatchTransitionError } from "./batch-transition.error";
import { marketSeriesJobs } from "./market-series-job";
import { systemErrorPauses } from "./system-error-pauses";

/** What to fetch: already validated; symbols in Yahoo form ("7203.T"), de-duplicated. */
export interface PriceBatchRequest {
  provider: Provider;
  interval: string;
  period: string;
  /** The dates asked for, in place of `period`. */
  range?: DateRange;
  /** A list of symbols, or every active listing (of one market when `marketName` is given). */
  symbols?: readonly string[];
  marketName?: string;
  /**
   * The daily update (the scheduler's, or `POST /api/bulk/update`): only what is missing since the
   * last stored bar, `period` where nothing is stored yet.
   */
  daily?: boolean;
}

/** What fetching and storing one unit did. */
export interface UnitWork {
  records: number;
  symbols: number;
  /** Upstream requests the unit took. */
  requests: number;
}

/** Fetches and stores one unit; `symbols` is the batch's filter for whole-market units. */
export type UnitWorkFn = (context: { symbols: ReadonlySet<string> | undefined }) => Promise<UnitWork>;

/** The unit of a batch a job runs. */
export interface UnitRef {
  batchId: string;
  unit: string;
}

export interface BatchLifecycleDeps {
  db: Database;
  progress: BatchProgressPublisher;
  logger: Logger;
}

function unitJob(batch: BatchExecution, unit: string): JobItem {
  return {
    name: JOB.FETCH_PRICES,
    data: {
      batchId: batch.id,
      provider: batch.provider,
      unit,
      interval: batch.interval,
      ...(batch.period ? { period: batch.period } : {}),
      ...batchDateRange(batch),
      // Symbol units look up their last bar when they run, so a resumed or retried unit starts from what is stored then.
      ...(batch.type === "daily_update" && batch.unit === "symbols" ? { incremental: true } : {}),
      priority: batchPriority(batch),
    },
  };
}

/**
 * The producer's side of a batch's life (gateway, scheduler): start (plan the units with the
 * batch's source, record them, enqueue one job each), pause, resume and stop along the state
 * machine of BATCH_TRANSITIONS. Batch state lives in PostgreSQL, so every process sees one truth;
 * every change is published as progress.
 */
export function createBatchControl(
  deps: BatchLifecycleDeps & { queues: Pick<QueueRepository, "enqueueAll" | "removeAll">; sources: PriceSources },
) {
  const batches = batchRepository(deps.db.prisma, deps.db.pool);

  async function find(batchId: string): Promise<BatchExecution> {
    const batch = await batches.find(batchId);
    if (!batch) throw new BatchNotFoundError(batchId);
    return batch;
  }

  async function move(batch: BatchExecution, transition: BatchTransition): Promise<void> {
    if (!(await batches.transition(batch.id, transition))) throw new BatchTransitionError(transition, batch.status);
    await deps.progress.changed(batch.id, { statusChanged: true });
  }

  /** Records a batch of exactly these units and enqueues one job each. */
  async function launch(planned: Omit<NewBatch, "id">, now: Date): Promise<BatchExecution> {
    const batch = await batches.create({ id: `job-${now.getTime()}-${randomBytes(3).toString("hex")}`, ...planned });
    await deps.queues.enqueueAll(planned.units.map((unit) => unitJob(batch, unit)));
    await deps.queues.enqueueAll(marketSeriesJobs(batch));
    await deps.progress.changed(batch.id, { statusChanged: true });
    return batch;
  }

  /** The last date any of `symbols` has a stored bar of the request's source and interval. */
  async function lastStoredDate(request: PriceBatchRequest, symbols: readonly string[]) {
    const dates = await lastBarDates(deps.db.pool, { source: request.provider, interval: request.interval, symbols });
    return [...dates.values()].sort().at(-1);
  }

  /** The source's plan; a refusal it can do nothing about (no key, a refused key) is the caller's to fix. */
  async function plan(source: PriceSource, params: Parameters<PriceSource["planUnits"]>[0]): Promise<UnitPlan> {
    try {
      return await source.planUnits(params);
    } catch (error) {
      if (error instanceof PermanentError) throw new BatchRequestError(error.message);
      throw error;
    }
  }

  /** Takes the jobs of the batch's waiting units off the queue; jobs already running finish. */
  async function dequeue(batch: BatchExecution, units: readonly string[]) {
    await deps.queues.removeAll(units.map((unit) => unitJob(batch, unit)));
  }

  return {
    find,

    /**
     * Records a price batch and enqueues its units: the gateway (POST /api/bulk/start) and the
     * scheduler (the daily update) both start batches this way. A source of whole-market units
     * (J-Quants' dates) keeps the named symbols; none named: the whole market.
     */
    async start(request: PriceBatchRequest, now = new Date()): Promise<BatchExecution> {
      const source = deps.sources[request.provider];
      const today = tokyoDate(now);
      if (request.range && request.range.from > today)
        throw new BatchRequestError(`'from' (${request.range.from}) は今日 (${today}) 以前の日付で指定してください`);
      const range = request.range && { from: request.range.from, to: [request.range.to, today].sort()[0]! };
      const refusal = source.refusal({ ...request, range, today });
      if (refusal) throw new BatchRequestError(refusal);
      const wholeMarket = request.symbols === undefined && request.marketName === undefined;
      const symbols =
        request.symbols ??
        (await listedSymbols(deps.db.prisma, request.marketName ? { marketName: request.marketName } : {}));
      if (symbols.length === 0) throw new BatchRequestError("対象の銘柄がありません (銘柄マスタを同期してください)");
      const planned = await plan(source, {
        symbols,
        period: request.period,
        range,
        today,
        lastStored: request.daily && source.unitKind === "dates" ? await lastStoredDate(request, symbols) : undefined,
      });
      if (planned.units.length === 0) {
        throw new BatchRequestError(
          planned.skipped ? `取得できる日付がありません: ${planned.skipped}` : "この期間に東証の営業日がありません",
        );
      }
      return launch(
        {
          type: request.daily ? "daily_update" : wholeMarket ? "all_stocks" : "partial",
          provider: request.provider,
          unit: source.unitKind,
          interval: request.interval,
          period: request.range ? null : request.period,
          units: planned.units,
          ...(source.unitKind === "dates" && !wholeMarket ? { symbols } : {}),
          range: planned.range ?? range,
          requestsEstimated: planned.requestsEstimated,
          requestsUsed: planned.requestsUsed,
          planSkipped: planned.skipped,
        },
        now,
      );
    },

    /**
     * Starts a new partial batch of an ended batch's failed units (symbols, or J-Quants' dates with
     * the batch's symbol filter), with its provider, interval and period. The old batch stays as it
     * ended, so its history keeps what failed.
     */
    async retry(batchId: string, now = new Date()): Promise<BatchExecution> {
      const batch = await find(batchId);
      if (!isBatchStatusIn(batch.status, BATCH_STATUS_GROUP.terminal)) {
        throw new BatchRetryError(batchId, "終了したジョブだけを再試行できます");
      }
      const failed = await batches.failedUnits(batchId);
      if (failed.length === 0) throw new BatchRetryError(batchId, "このジョブには失敗した銘柄がありません");
      return launch(
        {
          type: "partial",
          provider: batch.provider,
          unit: batch.unit,
          interval: batch.interval,
          period: batch.period,
          units: failed,
          symbols: batch.symbols,
          range: batchDateRange(batch),
          requestsEstimated: Math.ceil((batch.requestsEstimated * failed.length) / Math.max(1, batch.total)),
          requestsUsed: 0,
        },
        now,
      );
    },

    /** Stops new units within a second: the waiting jobs leave the queue, running ones finish. */
    async pause(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      await move(batch, "pause");
      await dequeue(batch, await batches.pendingUnits(batchId));
      return find(batchId);
    },

    /** Enqueues exactly the units still pending. */
    async resume(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      await move(batch, batch.startedAt ? "resume" : "resumeUnstarted");
      const pending = await batches.pendingUnits(batchId);
      // A job a worker picked up while paused completed without work; its id must be free again.
      await dequeue(batch, pending);
      await deps.queues.enqueueAll(pending.map((unit) => unitJob(batch, unit)));
      return find(batchId);
    },

    /** Cancels the units not started; the batch is cancelled once none is in flight. */
    async stop(batchId: string): Promise<BatchExecution> {
      const batch = await find(batchId);
      if (!(await batches.transition(batchId, "stop"))) throw new BatchTransitionError("stop", batch.status);
      const stopping = await find(batchId);
      await dequeue(batch, await batches.pendingUnits(batchId));
      await batches.cancelPending(batchId);
      await deps.progress.changed(batchId, { statusChanged: true });
      return stopping;
    },
  };
}

export type BatchControl = ReturnType<typeof createBatchControl>;

/**
 * The worker's side of a batch's life: runs one unit around `work` (fetch and store). A batch
 * that is not running (paused, stopping) leaves its unit pending or cancels it. A failure is
 * recorded once it is final (permanent, or the last attempt; a 429 is never charged) and rethrown,
 * so the queue applies its outcome; an unreachable database holds the queue, and pauses the batch
 * only when it lasted `systemPauseAfterMs` (see systemErrorPauses). Every change is published as
 * progress.
 */
export function createUnitRunner(
  deps: BatchLifecycleDeps & {
    systemPauseAfterMs: number;
    /**
     * Called when a unit's end completes its batch, and again by any later job of the batch: a
     * rejection fails the unit's job, whose retry finds the batch completed and calls it again.
     * So it must be idempotent.
     */
    onCompleted?: (batchId: string) => Promise<void>;
  },
) {
  const batches = batchRepository(deps.db.prisma, deps.db.pool);
  const pauses = systemErrorPauses({
    batches,
    progress: deps.progress,
    logger: deps.logger,
    pauseAfterMs: deps.systemPauseAfterMs,
  });
  const symbolFilters = new Map<string, Promise<ReadonlySet<string> | undefined>>();

  async function finish(batchId: string, unit: string, outcome: UnitOutcome) {
    const counters = await batches.finishUnit(batchId, unit, outcome);
    void deps.progress.changed(batchId, { statusChanged: counters?.status !== "running" });
    if (counters?.status === "completed") await deps.onCompleted?.(batchId);
  }

  function symbolFilter(batchId: string) {
    if (!symbolFilters.has(batchId)) {
      // A read that failed (the database was down) must not stay cached for the batch's later units.
      const filter = batches.symbolFilter(batchId);
      filter.catch(() => symbolFilters.delete(batchId));
      symbolFilters.set(batchId, filter);
    }
    return symbolFilters.get(batchId)!;
  }

  async function runUnit({ batchId, unit }: UnitRef, job: JobAttempt, work: UnitWorkFn) {
    const status = await batches.startUnit(batchId, unit);
    if (status === undefined) throw new BatchNotFoundError(batchId);
    if (status === "paused") await batches.releaseUnit(batchId, unit);
    if (status === "cancel_requested") {
      await batches.cancelUnit(batchId, unit);
      void deps.progress.changed(batchId, { statusChanged: true });
    }
    if (status === "completed") await deps.onCompleted?.(batchId);
    if (status !== "running") return { skipped: status };
    void deps.progress.changed(batchId);
    try {
      const done = await work({ symbols: await symbolFilter(batchId) });
      await finish(batchId, unit, { status: "completed", ...done });
      return { records: done.records };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isFinalOutcome(toQueueOutcome(error, job))) {
        const errorClass = error instanceof KabutoError ? error.errorClass : "temporary";
        await finish(batchId, unit, { status: "failed", errorClass, message });
      }
      deps.logger.warn("price unit failed", { batch_id: batchId, unit, attempt: job.attemptsMade + 1, error: message });
      throw error;
    }
  }

  return {
    runUnit: (ref: UnitRef, job: JobAttempt, work: UnitWorkFn) =>
      pauses.guard(ref.batchId, () => runUnit(ref, job, work)),
  };
}

export type UnitRunner = ReturnType<typeof createUnitRunner>;
