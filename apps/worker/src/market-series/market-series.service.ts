import type { FetchMarketSeriesPayload, Logger } from "@kabuto/core";
import { upsertIndexBars, upsertInvestorTypes, type Database } from "@kabuto/db";
import type { DateRangeParams, JQuantsClient } from "@kabuto/providers";

/** What one fetch of TOPIX and investor types stored. */
export interface MarketSeriesStored {
  topixBars: number;
  investorTypes: number;
}

/**
 * Fetches TOPIX and every section's investor types over a date range from J-Quants (the stored
 * key, behind the fleet's rate gate) and stores both idempotently.
 */
export function createMarketSeriesService(deps: {
  db: Database;
  jquants: () => Promise<JQuantsClient>;
  logger: Logger;
}) {
  return {
    async store(range: DateRangeParams): Promise<MarketSeriesStored> {
      const client = await deps.jquants();
      const topix = await client.fetchTopix(range);
      const investorTypes = await client.fetchInvestorTypes(range);
      return {
        topixBars: await upsertIndexBars(deps.db.pool, topix),
        investorTypes: await upsertInvestorTypes(deps.db.pool, investorTypes),
      };
    },

    /** Says which batch's series were not stored; the batch's prices are not affected. */
    failed(payload: FetchMarketSeriesPayload, attempt: number, error: unknown) {
      deps.logger.warn("TOPIX and investor types not stored", {
        batch_id: payload.batchId,
        from: payload.from,
        to: payload.to,
        attempt,
        error: error instanceof Error ? error.message : String(error),
      });
    },
  };
}

export type MarketSeriesService = ReturnType<typeof createMarketSeriesService>;
