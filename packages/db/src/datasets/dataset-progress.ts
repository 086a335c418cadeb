import type { ProgressEvent } from "@kabuto/core";

import type { PrismaClient } from "../generated/prisma/client";

/** What `current_processing` says once every symbol is read: DuckDB computes the windows and writes the file. */
export const DATASET_WRITING_STAGE = "features and file";

/**
 * A dataset build as a progress event (seed 000's payload, like a batch's): its symbols read so
 * far; undefined when there is no such dataset.
 */
export async function readDatasetProgress(
  prisma: PrismaClient,
  datasetId: string,
  now = new Date(),
): Promise<ProgressEvent | undefined> {
  const dataset = await prisma.datasetExport.findUnique({ where: { id: datasetId } });
  if (!dataset) return undefined;
  const minutes = dataset.startedAt ? Math.max((now.getTime() - dataset.startedAt.getTime()) / 60_000, 1 / 600) : 0;
  const perMinute = minutes > 0 ? dataset.processed / minutes : 0;
  const done = dataset.status === "completed";
  const processed = done ? dataset.total : dataset.processed;
  const remaining = dataset.total - processed;
  const running = dataset.status === "running";
  return {
    batch_id: dataset.id,
    status: dataset.status,
    unit: "symbols",
    progress: {
      total: dataset.total,
      processed,
      successful: done ? dataset.total : 0,
      failed: 0,
      percentage: dataset.total === 0 ? (done ? 100 : 0) : Math.round((processed / dataset.total) * 1000) / 10,
    },
    current_processing: running && dataset.total > 0 && remaining === 0 ? [DATASET_WRITING_STAGE] : [],
    estimated_completion:
      running && perMinute > 0 && remaining > 0
        ? new Date(now.getTime() + (remaining / perMinute) * 60_000).toISOString()
        : null,
    throughput: {
      stocks_per_minute: Math.round(perMinute * 10) / 10,
      records_per_minute: minutes > 0 ? Math.round(Number(dataset.rows) / minutes) : 0,
    },
    emitted_at: now.toISOString(),
  };
}
