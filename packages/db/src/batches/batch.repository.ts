import type { Pool } from "pg";

import type {
  BatchExecution,
  BatchType,
  BatchUnit,
  ErrorClass,
  PrismaClient,
  Provider,
} from "../generated/prisma/client";

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
}

/** How one unit ended. */
export type UnitOutcome =
  { status: "completed"; records: number } | { status: "failed"; errorClass: ErrorClass; message: string };

/** A batch's counters after a unit ended. */
export interface BatchCounters {
  status: BatchExecution["status"];
  total: number;
  processed: number;
  successful: number;
  failed: number;
}

const FINISH_UNIT_SQL = `
  WITH finished AS (
    UPDATE batch_execution_details
    SET status = $3::detail_status, records_inserted = $4, error_class = $5::error_class, error_message = $6,
        finished_at = now(), duration_ms = (extract(epoch FROM now() - coalesce(started_at, now())) * 1000)::int
    WHERE batch_id = $1 AND symbol = $2 AND status IN ('pending', 'processing')
    RETURNING status
  )
  UPDATE batch_executions SET
    processed = processed + (SELECT count(*) FROM finished),
    successful = successful + (SELECT count(*) FROM finished WHERE status = 'completed'),
    failed = failed + (SELECT count(*) FROM finished WHERE status = 'failed'),
    records = records + CASE WHEN EXISTS (SELECT 1 FROM finished) THEN $4 ELSE 0 END,
    status = CASE
      WHEN processed + (SELECT count(*) FROM finished) >= total AND status IN ('queued', 'running')
        THEN 'completed'::batch_status
      WHEN status = 'cancel_requested' AND NOT EXISTS (
        SELECT 1 FROM batch_execution_details
        WHERE batch_id = $1 AND status = 'processing' AND symbol <> $2) THEN 'cancelled'::batch_status
      ELSE status END,
    finished_at = CASE
      WHEN processed + (SELECT count(*) FROM finished) >= total AND status IN ('queued', 'running') THEN now()
      WHEN status = 'cancel_requested' AND NOT EXISTS (
        SELECT 1 FROM batch_execution_details
        WHERE batch_id = $1 AND status = 'processing' AND symbol <> $2) THEN now()
      ELSE finished_at END,
    updated_at = now()
  WHERE id = $1
  RETURNING status, total, processed, successful, failed`;

/**
 * Batch state in PostgreSQL, so status, history and summaries survive any process. Counters move
 * only when a unit leaves pending/processing, in the same statement, so a retried or duplicated
 * job can never count a unit twice and processed never passes total.
 */
export function batchRepository(prisma: PrismaClient, pool: Pool) {
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
             status = CASE WHEN status = 'queued' THEN 'running'::batch_status ELSE status END,
             started_at = coalesce(started_at, now()), updated_at = now()
           WHERE id = $1 AND status IN ('queued', 'running')
           RETURNING status
         ), started AS (
           UPDATE batch_execution_details SET status = 'processing', attempts = attempts + 1, started_at = now()
           WHERE batch_id = $1 AND symbol = $2 AND status IN ('pending', 'processing') AND EXISTS (SELECT 1 FROM batch)
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
      await pool.query(
        `WITH cancelled AS (
           UPDATE batch_execution_details SET status = 'cancelled'
           WHERE batch_id = $1 AND symbol = $2 AND status IN ('pending', 'processing')
         )
         UPDATE batch_executions SET status = 'cancelled', finished_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'cancel_requested' AND NOT EXISTS (
           SELECT 1 FROM batch_execution_details WHERE batch_id = $1 AND status = 'processing' AND symbol <> $2)`,
        [batchId, unit],
      );
    },

    /** Units still waiting (for pause, resume and stop). */
    async pendingUnits(batchId: string): Promise<string[]> {
      const rows = await prisma.batchExecutionDetail.findMany({
        where: { batchId, status: "pending" },
        select: { symbol: true },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => row.symbol);
    },

    /** Moves a batch between states, only from the given ones; false when it was in none of them. */
    async transition(
      batchId: string,
      from: readonly BatchExecution["status"][],
      to: BatchExecution["status"],
    ): Promise<boolean> {
      const { count } = await prisma.batchExecution.updateMany({
        where: { id: batchId, status: { in: [...from] } },
        data: {
          status: to,
          ...(to === "cancelled" ? { finishedAt: new Date() } : {}),
          ...(to === "running" || to === "queued" ? { error: null } : {}),
        },
      });
      return count === 1;
    },

    /**
     * Kabuto itself cannot go on (the database was unreachable): an active batch is paused with
     * the reason, for a person to resume once it is fixed; false when it was not active.
     */
    async pauseForSystemError(batchId: string, reason: string): Promise<boolean> {
      const { count } = await prisma.batchExecution.updateMany({
        where: { id: batchId, status: { in: ["queued", "running"] } },
        data: { status: "paused", error: reason },
      });
      return count === 1;
    },

    /** J-Quants: the symbols one date stored; the batch keeps the most seen in one date. */
    async recordSymbolCount(batchId: string, symbols: number): Promise<void> {
      await pool.query(
        "UPDATE batch_executions SET symbol_count = GREATEST(symbol_count, $2), updated_at = now() WHERE id = $1",
        [batchId, symbols],
      );
    },

    /** Stop: the units not started are cancelled; the batch is cancelled once none is in flight. */
    async cancelPending(batchId: string): Promise<void> {
      await prisma.batchExecutionDetail.updateMany({
        where: { batchId, status: "pending" },
        data: { status: "cancelled" },
      });
      await pool.query(
        `UPDATE batch_executions SET status = 'cancelled', finished_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'cancel_requested'
           AND NOT EXISTS (SELECT 1 FROM batch_execution_details WHERE batch_id = $1 AND status = 'processing')`,
        [batchId],
      );
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
      ]);
      return rows[0];
    },
  };
}

export type BatchRepository = ReturnType<typeof batchRepository>;
