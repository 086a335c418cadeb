import type { JobPriority } from "@kabuto/core";
import type { BatchExecution } from "@kabuto/db";

/** A batch of at most this many units is one someone waits for, not a backfill. */
export const SMALL_BATCH_UNITS = 500;

/**
 * How urgent a batch's jobs are: a small batch first (it delays the daily update by at most
 * SMALL_BATCH_UNITS requests, while the update would delay it by the whole market), then the
 * daily update, then any larger batch (a backfill).
 */
export function batchPriority(batch: Pick<BatchExecution, "type" | "total">): JobPriority {
  if (batch.type === "daily_update") return "daily";
  return batch.total <= SMALL_BATCH_UNITS ? "interactive" : "backfill";
}
