import type { Pool } from "pg";

import {
  BATCH_STATUS_GROUP,
  BATCH_TRANSITIONS,
  OPEN_UNIT_STATUSES,
  sqlStatusList,
  type BatchTransition,
  type DetailStatus,
} from "@kabuto/core";

import type {
  BatchExecution,
  BatchType,
  BatchUnit,
  ErrorClass,
  PrismaClient,
  Provider,
} from "../generated/prisma/client";
import { isoDay, utcDay } from "../market-series/date-page";

export interface NewBatch {
  id: string;
  type: BatchType;
  provider: Provider;
  unit: BatchUnit;
  interval: string;
  period: string | null;
  /** The units of work: symbols (Yahoo) or trading dates (J-Quants), already de-duplicated. */
  units: readonly string[];
  /** J-Quants: the symbols to keep from each date's whole market; none given = every one. */
  symbols?: readonly string[];
  /** The dates the units cover (YYYY-MM-DD, both included), when planned by date or asked for. */
  range?: { from: string; to: string } | undefined;
  requestsEstimated: number;
  /** Requests planning already took. */
  requestsUsed: number;
  /** What of the asked dates the plan left out, and why. */
  planSkipped?: string | undefined;
}

/** The dates a batch's units cover (YYYY-MM-DD, both included), when it has them. */
export function batchDateRange(
  batch: Pick<BatchExecution, "fromDate" | "toDate">,
): { from: string; to: string } | undefined {
  return batch.fromDate && batch.toDate ? { from: isoDay(batch.fromDate), to: isoDay(batch.toDate) } : undefined;
}

/** How one unit ended: stored `records` rows of `symbols` symbols, or failed. */
export type UnitOutcome =
  | { status: "completed"; records: number; symbols: number; requests: number }
  | { status: "failed"; errorClass: ErrorClass; message: string };

/** A batch's counters after a unit ended. */
export interface BatchCounters {
  status: BatchExecution["status"];
  total: number;
  processed: number;
  successful: number;
  failed: number;
}

const OPEN_UNITS = sqlStatusList(OPEN_UNIT_STATUSES);
const { complete, cancel } = BATCH_TRANSITIONS;

/**
 * The "cancel once nothing is in flight" rule, written once: a stopping batch is cancelled when no
 * unit but `$2` (the one ending now, if any) is still processing.
 */
const CANCEL_WHEN_IDLE = `status IN ${sqlStatusList(cancel.from)} AND NOT EXISTS (
  SELECT 1 FROM batch_execution_details
  WHERE batch_id = $1 AND status = 'processing' AND symbol IS DISTINCT FROM $2)`;

/** Whether the unit ending now is the batch's last. */
const LAST_UNIT = `processed + (SELECT count(*) FROM finished) >= total AND status IN ${sqlStatusList(complete.from)}`;

const FINISH_UNIT_SQL = `
  WITH finished AS (
    UPDATE batch_execution_details
    SET status = $3::detail_status, records_inserted = $4, error_class = $5::error_class, error_message = $6,
        finished_at = now(), duration_ms = (extract(epoch FROM now() - coalesce(started_at, now())) * 1000)::int
    WHERE batch_id = $1 AND symbol = $2 AND status IN ${OPEN_UNITS}
    RETURNING status
  )
  UPDATE batch_executions SET
    processed = processed + (SELECT count(*) FROM finished),
    successful = successful + (SELECT count(*) FROM finished WHERE status = 'completed'),
    failed = failed + (SELECT count(*) FROM finished WHERE status = 'failed'),
    records = records + CASE WHEN EXISTS (SELECT 1 FROM finished) THEN $4 ELSE 0 END,
    requests_used = requests_used + CASE WHEN EXISTS (SELECT 1 FROM finished) THEN $8 ELSE 0 END,
    symbol_count = GREATEST(symbol_count, $7),
    status = CASE
      WHEN ${LAST_UNIT} THEN '${complete.to}'::batch_status
      WHEN ${CANCEL_WHEN_IDLE} THEN '${cancel.to}'::batch_status
      ELSE status END,
    finished_at = CASE WHEN ${LAST_UNIT} OR ${CANCEL_WHEN_IDLE} THEN now() ELSE finished_at END,
    updated_at = now()
  WHERE id = $1
  RETURNING status, total, processed, successful, failed`;

/** Cancels a stopping batch once nothing is in flight (`$2`: a unit ending now, or null). */
const CANCEL_IF_IDLE_SQL = `
  UPDATE batch_executions SET status = '${cancel.to}', finished_at = now(), updated_at = now()
  WHERE id = $1 AND ${CANCEL_WHEN_IDLE}`;

/**
 * Batch state in PostgreSQL, so status, history and summaries survive any process. Counters move
 * only when a unit leaves pending/processing, in the same statement, so a retried or duplicated
 * job can never count a unit twice and processed never passes total.
 */
export function batchRepository(prisma: PrismaClient, pool: Pool) {
  async function unitsIn(batchId: string, status: DetailStatus): Promise<string[]> {
    const rows = await prisma.batchExecutionDetail.findMany({
      where: { batchId, status },
      select: { symbol: true },
      orderBy: { id: "asc" },
    });
    return rows.map((row) => row.symbol);
  }

  return {
    /** Records the batch and one pending detail per unit, in one transaction. */
    async create(batch: NewBatch): Promise<BatchExecution> {
      return prisma.$transaction(async (tx) => {
        const created = await tx.batchExecution.create({
          data: {
            id: batch.id,
            type: batch.type,
            provider: batch.provider,
            unit: batch.unit,
            interval: batch.interval,
            period: batch.period,
            total: batch.units.length,
            symbols: [...(batch.symbols ?? [])],
            ...(batch.range ? { fromDate: utcDay(batch.range.from), toDate: utcDay(batch.range.to) } : {}),
            requestsEstimated: batch.requestsEstimated,
            requestsUsed: batch.requestsUsed,
            planSkipped: batch.planSkipped ?? null,
          },
        });
        await tx.$executeRaw`
          INSERT INTO batch_execution_details (batch_id, symbol)
          SELECT ${batch.id}, unnest(${[...batch.units]}::text[])`;
        return created;
      });
    },

    /**
     * Marks a unit as being worked on (one more attempt) and a queued batch as running, but only
     * while the batch is active; returns the batch's status either way (undefined: no such batch).
     */
    async startUnit(batchId: string, unit: string): Promise<BatchExecution["status"] | undefined> {
      const { rows } = await pool.query<{ status: BatchExecution["status"] | null }>(
        `WITH batch AS (
           UPDATE batch_executions SET
             status = CASE WHEN status IN ${sqlStatusList(BATCH_TRANSITIONS.run.from)}
               THEN '${BATCH_TRANSITIONS.run.to}'::batch_status ELSE status END,
             started_at = coalesce(started_at, now()), updated_at = now()
           WHERE id = $1 AND status IN ${sqlStatusList(BATCH_STATUS_GROUP.active)}
           RETURNING status
         ), started AS (
           UPDATE batch_execution_details SET status = 'processing', attempts = attempts + 1, started_at = now()
           WHERE batch_id = $1 AND symbol = $2 AND status IN ${OPEN_UNITS} AND EXISTS (SELECT 1 FROM batch)
         )
         SELECT coalesce((SELECT status FROM batch), (SELECT status FROM batch_executions WHERE id = $1)) AS status`,
        [batchId, unit],
      );
      return rows[0]?.status ?? undefined;
    },

    /**
     * A job that found its batch paused gives its unit back: a unit left "processing" by an
     * earlier attempt (a retry, a 429) becomes pending again, so resume enqueues it.
     */
    async releaseUnit(batchId: string, unit: string): Promise<void> {
      await prisma.batchExecutionDetail.updateMany({
        where: { batchId, symbol: unit, status: "processing" },
        data: { status: "pending" },
      });
    },

    /**
     * A job that found its batch stopping cancels its unit; the batch is cancelled once no unit is
     * in flight. Without this a unit between two attempts would hold the batch in cancel_requested.
     */
    async cancelUnit(batchId: string, unit: string): Promise<void> {
      await prisma.batchExecutionDetail.updateMany({
        where: { batchId, symbol: unit, status: { in: [...OPEN_UNIT_STATUSES] } },
        data: { status: "cancelled" },
      });
      await pool.query(CANCEL_IF_IDLE_SQL, [batchId, unit]);
    },

    /** Units still waiting (for pause, resume and stop). */
    pendingUnits: (batchId: string) => unitsIn(batchId, "pending"),

    /** Units that failed for good (for retry). */
    failedUnits: (batchId: string) => unitsIn(batchId, "failed"),

    /**
     * Applies one transition of the state machine (see BATCH_TRANSITIONS), only from the states it
     * allows; false when the batch was in none of them. `reason` is kept as the batch's error.
     */
    async transition(batchId: string, name: BatchTransition, reason?: string): Promise<boolean> {
      const { from, to } = BATCH_TRANSITIONS[name];
      const { count } = await prisma.batchExecution.updateMany({
        where: { id: batchId, status: { in: [...from] } },
        data: {
          status: to,
          ...(to === cancel.to ? { finishedAt: new Date() } : {}),
          ...(reason !== undefined ? { error: reason } : name.startsWith("resume") ? { error: null } : {}),
        },
      });
      return count === 1;
    },

    /** The batch, or undefined. */
    async find(batchId: string): Promise<BatchExecution | undefined> {
      return (await prisma.batchExecution.findUnique({ where: { id: batchId } })) ?? undefined;
    },

    /** The symbols a whole-market unit keeps for this batch; undefined keeps every one. */
    async symbolFilter(batchId: string): Promise<ReadonlySet<string> | undefined> {
      const batch = await prisma.batchExecution.findUnique({ where: { id: batchId }, select: { symbols: true } });
      return batch && batch.symbols.length > 0 ? new Set(batch.symbols) : undefined;
    },

    /** Stop: the units not started are cancelled; the batch is cancelled once none is in flight. */
    async cancelPending(batchId: string): Promise<void> {
      await prisma.batchExecutionDetail.updateMany({
        where: { batchId, status: "pending" },
        data: { status: "cancelled" },
      });
      await pool.query(CANCEL_IF_IDLE_SQL, [batchId, null]);
    },

    /** Ends a unit once: the batch completes when its last unit ends. */
    async finishUnit(batchId: string, unit: string, outcome: UnitOutcome): Promise<BatchCounters | undefined> {
      const failed = outcome.status === "failed" ? outcome : undefined;
      const { rows } = await pool.query<BatchCounters>(FINISH_UNIT_SQL, [
        batchId,
        unit,
        outcome.status,
        outcome.status === "completed" ? outcome.records : 0,
        failed?.errorClass ?? null,
        failed?.message ?? null,
        outcome.status === "completed" ? outcome.symbols : 0,
        outcome.status === "completed" ? outcome.requests : 0,
      ]);
      return rows[0];
    },
  };
}

export type BatchRepository = ReturnType<typeof batchRepository>;
