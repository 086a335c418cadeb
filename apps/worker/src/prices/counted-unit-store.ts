import type { PriceUnitStore } from "@kabuto/batches";
import type { WorkerMetrics } from "@kabuto/core";

/** `store`, with the rows each unit wrote counted by source in `kabuto_rows_written_total`. */
export function countedUnitStore(store: PriceUnitStore, metrics: WorkerMetrics): PriceUnitStore {
  return async (source, unit) => {
    const work = await store(source, unit);
    metrics.rowsWritten.inc({ source: source.id }, work.records);
    return work;
  };
}
