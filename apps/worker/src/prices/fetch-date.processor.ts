import type { Job } from "bullmq";

import type { FetchDatePayload } from "@kabuto/core";
import { upsertPriceBars, type Database } from "@kabuto/db";
import type { JQuantsClient } from "@kabuto/providers";

import type { JobHandler } from "../job-handler";
import { priceUnitRunner, type PriceUnitDeps } from "./price-unit";

export interface FetchDateDeps extends PriceUnitDeps {
  db: Database;
  /** A J-Quants client with the stored key, behind the fleet's rate gate. */
  jquants: () => Promise<JQuantsClient>;
}

/**
 * One trading date of a J-Quants batch: the whole market for that date in as many pages as
 * J-Quants gives (never one request per code), the batch's symbols kept when it named some,
 * stored in bulk (see priceUnitRunner for the rest).
 */
export function fetchDateProcessor(deps: FetchDateDeps): JobHandler<"fetch-date"> {
  const runUnit = priceUnitRunner(deps);
  const filters = new Map<string, Set<string> | null>();

  async function filterOf(batchId: string): Promise<Set<string> | null> {
    if (!filters.has(batchId)) {
      const batch = await deps.db.prisma.batchExecution.findUnique({
        where: { id: batchId },
        select: { symbols: true },
      });
      filters.set(batchId, batch && batch.symbols.length > 0 ? new Set(batch.symbols) : null);
    }
    return filters.get(batchId)!;
  }

  return (payload: FetchDatePayload, job: Job) =>
    runUnit(payload.batchId, payload.date, job, async () => {
      const wanted = await filterOf(payload.batchId);
      const bars = (await (await deps.jquants()).fetchDailyBars(payload.date)).filter(
        (bar) => wanted === null || wanted.has(bar.symbol),
      );
      await deps.batches.recordSymbolCount(payload.batchId, new Set(bars.map((bar) => bar.symbol)).size);
      return upsertPriceBars(deps.db.pool, bars);
    });
}
