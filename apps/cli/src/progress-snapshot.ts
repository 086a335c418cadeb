import type { BatchStatus, BulkJob } from "@kabuto/contract";
import type { ProgressUnit } from "./format";
import { BATCH_STATUS_GROUP, isBatchStatusIn, type ProgressEvent } from "./progress-event";

/** Where a job stands, whichever source told it (a progress event or the status route). */
export interface ProgressSnapshot {
  status: BatchStatus;
  unit: ProgressUnit;
  total: number;
  processed: number;
  successful: number;
  failed: number;
  percentage: number;
  /** Units per minute as the progress service measured them; null when the source does not say. */
  perMinute: number | null;
  /** Epoch ms of the progress service's estimate; null when it has none. */
  estimatedCompletion: number | null;
}

export function isEnded(status: BatchStatus): boolean {
  return isBatchStatusIn(status, BATCH_STATUS_GROUP.terminal);
}

export function snapshotFromJob(job: BulkJob): ProgressSnapshot {
  return {
    status: job.status,
    unit: job.unit,
    total: job.progress.total,
    processed: job.progress.processed,
    successful: job.progress.successful,
    failed: job.progress.failed,
    percentage: job.progress.progress_percentage,
    perMinute: null,
    estimatedCompletion: null,
  };
}

export function snapshotFromEvent(event: ProgressEvent): ProgressSnapshot {
  const estimate = event.estimated_completion === null ? NaN : Date.parse(event.estimated_completion);
  return {
    status: event.status,
    unit: event.unit,
    total: event.progress.total,
    processed: event.progress.processed,
    successful: event.progress.successful,
    failed: event.progress.failed,
    percentage: event.progress.percentage,
    perMinute: event.throughput.stocks_per_minute > 0 ? event.throughput.stocks_per_minute : null,
    estimatedCompletion: Number.isNaN(estimate) ? null : estimate,
  };
}
