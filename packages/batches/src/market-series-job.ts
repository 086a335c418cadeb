import { JOB, type JobItem } from "@kabuto/core";
import type { BatchExecution } from "@kabuto/db";

import { batchPriority } from "./batch-priority";

/**
 * The jobs that bring TOPIX and investor types with a J-Quants price batch: one over the batch's
 * dates (units, oldest first), none for other providers. They live beside the batch, not in it:
 * their failure never fails the batch's prices.
 */
export function marketSeriesJobs(
  batch: Pick<BatchExecution, "id" | "provider" | "type" | "total">,
  units: readonly string[],
): JobItem[] {
  if (batch.provider !== "jquants" || units.length === 0) return [];
  return [
    {
      name: JOB.FETCH_MARKET_SERIES,
      data: { batchId: batch.id, from: units[0]!, to: units.at(-1)!, priority: batchPriority(batch) },
    },
  ];
}
