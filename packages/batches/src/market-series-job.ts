import { JOB, type JobItem } from "@kabuto/core";
import { batchDateRange, type BatchExecution } from "@kabuto/db";

import { batchPriority } from "./batch-priority";

/**
 * The jobs that bring TOPIX and investor types with a J-Quants price batch: one over the batch's
 * dates, none for other providers. They live beside the batch, not in it: their failure never
 * fails the batch's prices.
 */
export function marketSeriesJobs(
  batch: Pick<BatchExecution, "id" | "provider" | "type" | "requestsEstimated" | "fromDate" | "toDate">,
): JobItem[] {
  const range = batchDateRange(batch);
  if (batch.provider !== "jquants" || !range) return [];
  return [{ name: JOB.FETCH_MARKET_SERIES, data: { batchId: batch.id, ...range, priority: batchPriority(batch) } }];
}
