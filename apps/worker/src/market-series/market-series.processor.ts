import type { JobHandler } from "@kabuto/queue";

import type { MarketSeriesService } from "./market-series.service";

/**
 * The `fetch-market-series` job of a J-Quants batch: TOPIX and investor types over its dates. A
 * failure is logged with the batch and rethrown (retries, 429 holds); the batch itself never sees it.
 */
export function marketSeriesProcessor(service: MarketSeriesService): JobHandler<"fetch-market-series"> {
  return async (payload, job) => {
    try {
      return await service.store(payload);
    } catch (error) {
      service.failed(payload, job.attemptsMade + 1, error);
      throw error;
    }
  };
}
