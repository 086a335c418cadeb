import type { JobPriority } from "@kabuto/core";
import type { BatchExecution } from "@kabuto/db";

/** A batch of at most this many upstream requests is one someone waits for, not a backfill. */
export const SMALL_BATCH_REQUESTS = 500;
/** ...when it covers at most this many days: a year of bulk files is few requests but much work. */
export const SMALL_BATCH_DAYS = 93;

const spanDays = (batch: Pick<BatchExecution, "fromDate" | "toDate">) =>
  batch.fromDate && batch.toDate ? (batch.toDate.getTime() - batch.fromDate.getTime()) / 86_400_000 + 1 : 0;

/**
 * How urgent a batch's jobs are: a small batch first (it delays the daily update by at most
 * SMALL_BATCH_REQUESTS requests, while the update would delay it by the whole market), then the
 * daily update, then any larger batch (a backfill).
 */
export function batchPriority(
  batch: Pick<BatchExecution, "type" | "requestsEstimated" | "fromDate" | "toDate">,
): JobPriority {
  if (batch.type === "daily_update") return "daily";
  return batch.requestsEstimated <= SMALL_BATCH_REQUESTS && spanDays(batch) <= SMALL_BATCH_DAYS
    ? "interactive"
    : "backfill";
}
