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
      ELSE status END,
    finished_at = CASE
      WHEN processed + (SELECT count(*) FROM finished) >= total AND status IN ('queued', 'running') THEN now()
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
          },
        });
        await tx.$executeRaw`
          INSERT INTO batch_execution_details (batch_id, symbol)
          SELECT ${batch.id}, unnest(${[...batch.units]}::text[])`;
        return created;
      });
    },

    /** Marks a unit as being worked on (one more attempt) and the batch as running. */
    async startUnit(batchId: string, unit: string): Promise<BatchExecution["status"] | undefined> {
      const { rows } = await pool.query<{ status: BatchExecution["status"] }>(
        `WITH started AS (
           UPDATE batch_execution_details SET status = 'processing', attempts = attempts + 1, started_at = now()
           WHERE batch_id = $1 AND symbol = $2 AND status IN ('pending', 'processing')
         )
         UPDATE batch_executions SET
           status = CASE WHEN status = 'queued' THEN 'running'::batch_status ELSE status END,
           started_at = coalesce(started_at, now()), updated_at = now()
         WHERE id = $1
         RETURNING status`,
        [batchId, unit],
      );
      return rows[0]?.status;
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
