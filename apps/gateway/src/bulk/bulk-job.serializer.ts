import type { BulkJob, JobSymbol, QualityCounts } from "@kabuto/contract";
import { batchDateRange, type BatchExecution, type BatchExecutionDetail } from "@kabuto/db";

const epochSeconds = (date: Date) => date.getTime() / 1000;

/** Seed 000's job body: progress always, summary once the batch has ended (with its quality once checked). */
export function serializeBulkJob(
  batch: BatchExecution,
  failuresByClass: Record<string, number> = {},
  quality?: QualityCounts,
): BulkJob {
  const ended = batch.status === "completed" || batch.status === "failed" || batch.status === "cancelled";
  const range = batchDateRange(batch);
  const percentage = batch.total === 0 ? 100 : Math.round((batch.processed / batch.total) * 1000) / 10;
  return {
    id: batch.id,
    status: batch.status,
    provider: batch.provider,
    interval: batch.interval,
    period: batch.period,
    unit: batch.unit,
    plan: {
      from: range?.from ?? null,
      to: range?.to ?? null,
      units: batch.total,
      requests_estimated: batch.requestsEstimated,
      requests_used: batch.requestsUsed,
      skipped: batch.planSkipped,
    },
    progress: {
      total: batch.total,
      processed: batch.processed,
      successful: batch.successful,
      failed: batch.failed,
      progress_percentage: percentage,
    },
    ...(ended
      ? {
          summary: {
            total_symbols: batch.unit === "dates" ? batch.symbolCount : batch.total,
            ...(batch.unit === "dates" ? { total_dates: batch.total } : {}),
            successful: batch.successful,
            failed: batch.failed,
            records: Number(batch.records),
            duration_seconds:
              batch.startedAt && batch.finishedAt ? (batch.finishedAt.getTime() - batch.startedAt.getTime()) / 1000 : 0,
            failures_by_class: failuresByClass,
            ...(quality ? { quality } : {}),
          },
        }
      : {}),
    ...(batch.error ? { error: batch.error } : {}),
    created_at: epochSeconds(batch.createdAt),
    updated_at: epochSeconds(batch.updatedAt),
  };
}

/** One unit of a batch as `GET /api/bulk/jobs/:job_id/symbols` lists it. */
export function serializeJobSymbol(detail: BatchExecutionDetail): JobSymbol {
  return {
    symbol: detail.symbol,
    status: detail.status,
    attempts: detail.attempts,
    records_inserted: detail.recordsInserted,
    error_class: detail.errorClass,
    error_message: detail.errorMessage,
    duration_ms: detail.durationMs,
  };
}
