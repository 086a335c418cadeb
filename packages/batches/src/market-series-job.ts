import { JOB, type JobItem } from "@kabuto/core";
import type { BatchExecution } from "@kabuto/db";

import { batchPriority } from "./batch-priority";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The jobs that bring TOPIX and investor types with a J-Quants price batch: one over the batch's
 * dates, none for other providers. They live beside the batch, not in it: their failure never
 * fails the batch's prices.
 */
export function marketSeriesJobs(
  batch: Pick<BatchExecution, "id" | "provider" | "type" | "requestsEstimated" | "fromDate" | "toDate">,
): JobItem[] {
  if (batch.provider !== "jquants" || !batch.fromDate || !batch.toDate) return [];
  return [
    {
      name: JOB.FETCH_MARKET_SERIES,
      data: {
        batchId: batch.id,
        from: isoDate(batch.fromDate),
        to: isoDate(batch.toDate),
        priority: batchPriority(batch),
      },
    },
  ];
}
