import { randomBytes } from "node:crypto";

import type { DatasetFormat } from "@kabuto/contract";
import { JOB, type Provider } from "@kabuto/core";
import { datasetExportRepository, type Database } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import { requestedSymbols, resolveSelection } from "./selection";

/** A dataset as the client asked for it (already validated by datasetRequestSchema). */
export interface DatasetRequest {
  from: string;
  to: string;
  symbols?: readonly string[] | undefined;
  all?: boolean | undefined;
  market_code?: string | undefined;
  source: Provider;
  format: DatasetFormat;
}

/**
 * Records and enqueues a dataset build; returns its id and how many symbols have bars. Refuses
 * (SelectionError) unknown codes and a range without stored bars. A build that cannot be enqueued
 * is recorded failed.
 */
export async function requestDataset(
  deps: { db: Database; queues: Pick<QueueRepository, "enqueueAll"> },
  request: DatasetRequest,
  now = new Date(),
): Promise<{ id: string; symbols: number }> {
  const symbols = await resolveSelection(deps.db.pool, {
    source: request.source,
    from: request.from,
    to: request.to,
    symbols: request.symbols,
    marketCode: request.market_code,
  });
  const datasets = datasetExportRepository(deps.db.prisma);
  const id = `dataset-${now.getTime()}-${randomBytes(3).toString("hex")}`;
  await datasets.create({
    id,
    format: request.format,
    source: request.source,
    from: request.from,
    to: request.to,
    symbols: request.symbols ? requestedSymbols(request.symbols) : [],
    marketCode: request.market_code,
    request: JSON.parse(JSON.stringify(request)) as object,
  });
  try {
    await deps.queues.enqueueAll([{ name: JOB.BUILD_DATASET, data: { datasetId: id } }]);
  } catch (error) {
    await datasets.fail(id, `could not enqueue: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  return { id, symbols: symbols.length };
}
