import type { UnitRunner } from "@kabuto/batches";
import { upsertPriceBars, type Database } from "@kabuto/db";
import type { PriceSources } from "@kabuto/providers";
import type { JobHandler } from "@kabuto/queue";

/**
 * One unit of a price batch, whatever its source: fetch it, store the bars in bulk, report. The
 * batch's rules (paused, stopping, failures, progress) are the unit runner's.
 */
export function priceUnitProcessor(deps: {
  db: Database;
  sources: PriceSources;
  units: UnitRunner;
}): JobHandler<"fetch-prices"> {
  return (payload, job) =>
    deps.units.runUnit(payload, job, async ({ symbols }) => {
      const bars = await deps.sources[payload.provider].fetchUnit({ ...payload, symbols });
      return {
        records: await upsertPriceBars(deps.db.pool, bars),
        symbols: new Set(bars.map((bar) => bar.symbol)).size,
      };
    });
}
