import type { Pool } from "pg";

import type { BatchStatus, ProgressEvent } from "@kabuto/core";

/** Sends one event on its way (publishProgress bound to a Redis connection and prefix). */
export type PublishProgress = (event: ProgressEvent) => Promise<unknown>;

/** Units shown as "being processed now" in an event. */
const CURRENT_LIMIT = 10;
/** Least time between two events of a running batch from one process. */
const DEFAULT_INTERVAL_MS = 200;

interface BatchProgressRow {
  id: string;
  status: BatchStatus;
  unit: ProgressEvent["unit"];
  total: number;
  processed: number;
  successful: number;
  failed: number;
  records: string;
  started_at: Date | null;
  now: Date;
  current: string[] | null;
}

const PROGRESS_SQL = `
  SELECT id, status, unit, total, processed, successful, failed, records, started_at, now() AS now,
    (SELECT array_agg(symbol) FROM (
       SELECT symbol FROM batch_execution_details
       WHERE batch_id = $1 AND status = 'processing' ORDER BY started_at LIMIT ${CURRENT_LIMIT}) AS busy) AS current
  FROM batch_executions WHERE id = $1`;

/** The seed 000 progress payload of a batch as PostgreSQL has it now; undefined when there is no such batch. */
export async function readBatchProgress(pool: Pool, batchId: string): Promise<ProgressEvent | undefined> {
  const { rows } = await pool.query<BatchProgressRow>(PROGRESS_SQL, [batchId]);
  const row = rows[0];
  if (!row) return undefined;
  const minutes = row.started_at ? Math.max((row.now.getTime() - row.started_at.getTime()) / 60_000, 1 / 600) : 0;
  const perMinute = minutes > 0 ? row.processed / minutes : 0;
  const remaining = row.total - row.processed;
  const running = row.status === "running" || row.status === "queued";
  return {
    batch_id: row.id,
    status: row.status,
    unit: row.unit,
    progress: {
      total: row.total,
      processed: row.processed,
      successful: row.successful,
      failed: row.failed,
      percentage: row.total === 0 ? 100 : Math.round((row.processed / row.total) * 1000) / 10,
    },
    current_processing: row.current ?? [],
    estimated_completion:
      running && perMinute > 0 && remaining > 0
        ? new Date(row.now.getTime() + (remaining / perMinute) * 60_000).toISOString()
        : null,
    throughput: {
      stocks_per_minute: Math.round(perMinute * 10) / 10,
      records_per_minute: minutes > 0 ? Math.round(Number(row.records) / minutes) : 0,
    },
    emitted_at: row.now.toISOString(),
  };
}

/**
 * The one place batch progress events come from. Call `changed(batchId)` after every write to a
 * batch; a status change is published at once, progress at most every `intervalMs` per batch
 * (the latest state always goes out, late rather than never). Publishing never fails the caller:
 * progress is a view, the batch itself is in PostgreSQL.
 */
export function batchProgressPublisher(options: {
  pool: Pool;
  publish: PublishProgress;
  onError: (error: unknown) => void;
  intervalMs?: number;
}) {
  return progressPublisher({ ...options, read: (batchId) => readBatchProgress(options.pool, batchId) });
}

/**
 * {@link batchProgressPublisher} over any job whose state `read` turns into a progress event
 * (a dataset build: readDatasetProgress).
 */
export function progressPublisher(options: {
  read: (id: string) => Promise<ProgressEvent | undefined>;
  publish: PublishProgress;
  onError: (error: unknown) => void;
  intervalMs?: number;
}) {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const lastSent = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();

  async function send(batchId: string): Promise<void> {
    pending.delete(batchId);
    lastSent.set(batchId, Date.now());
    try {
      const event = await options.read(batchId);
      if (event) await options.publish(event);
      if (event && event.status !== "running" && event.status !== "queued") lastSent.delete(batchId);
    } catch (error) {
      options.onError(error);
    }
  }

  return {
    async changed(batchId: string, change: { statusChanged?: boolean } = {}): Promise<void> {
      const wait = (lastSent.get(batchId) ?? 0) + intervalMs - Date.now();
      if (change.statusChanged || wait <= 0) {
        clearTimeout(pending.get(batchId));
        return send(batchId);
      }
      if (!pending.has(batchId))
        pending.set(
          batchId,
          setTimeout(() => void send(batchId), wait),
        );
    },
    /** Publishes what is still waiting, now (on shutdown). */
    async flush(): Promise<void> {
      const waiting = [...pending.keys()];
      for (const timer of pending.values()) clearTimeout(timer);
      await Promise.all(waiting.map(send));
    },
  };
}

export type BatchProgressPublisher = ReturnType<typeof progressPublisher>;
