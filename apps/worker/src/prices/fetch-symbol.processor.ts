import type { Job } from "bullmq";

import type { FetchSymbolPayload } from "@kabuto/core";
import { upsertPriceBars, type Database } from "@kabuto/db";
import type { YahooChartClient, YahooInterval, YahooRange } from "@kabuto/providers";

import type { JobHandler } from "../job-handler";
import { priceUnitRunner, type PriceUnitDeps } from "./price-unit";

export interface FetchSymbolDeps extends PriceUnitDeps {
  db: Database;
  yahoo: YahooChartClient;
}

/** One Yahoo symbol of a batch: fetch its chart, store the bars in bulk (see priceUnitRunner for the rest). */
export function fetchSymbolProcessor(deps: FetchSymbolDeps): JobHandler<"fetch-symbol"> {
  const runUnit = priceUnitRunner(deps);
  return (payload: FetchSymbolPayload, job: Job) =>
    runUnit(payload.batchId, payload.symbol, job, async () => {
      const bars = await deps.yahoo.fetchBars({
        symbol: payload.symbol,
        interval: payload.interval as YahooInterval,
        range: (payload.period ?? "1mo") as YahooRange,
      });
      return upsertPriceBars(deps.db.pool, bars);
    });
}
