import type { PriceUnitStore, UnitRunner } from "@kabuto/batches";
import type { PriceSources } from "@kabuto/providers";
import type { JobHandler } from "@kabuto/queue";

/**
 * One unit of a price batch, whatever its source: fetch it, store it, report. The batch's rules
 * (paused, stopping, failures, progress) are the unit runner's.
 */
export function priceUnitProcessor(deps: {
  sources: PriceSources;
  store: PriceUnitStore;
  units: UnitRunner;
}): JobHandler<"fetch-prices"> {
  return (payload, job) =>
    deps.units.runUnit(payload, job, async ({ symbols }) => {
      const source = deps.sources[payload.provider];
      return deps.store(source, await source.fetchUnit({ ...payload, symbols }));
    });
}
