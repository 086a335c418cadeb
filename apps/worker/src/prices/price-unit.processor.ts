import type { LastStoredBar, PriceUnitStore, UnitRunner } from "@kabuto/batches";
import type { PriceSources } from "@kabuto/providers";
import type { JobHandler } from "@kabuto/queue";

/**
 * One unit of a price batch, whatever its source: fetch it (an incremental one from its last stored
 * bar on), store it, report. The batch's rules (paused, stopping, failures, progress) are the unit
 * runner's.
 */
export function priceUnitProcessor(deps: {
  sources: PriceSources;
  store: PriceUnitStore;
  units: UnitRunner;
  lastBar: LastStoredBar;
}): JobHandler<"fetch-prices"> {
  return (payload, job) =>
    deps.units.runUnit(payload, job, async ({ symbols }) => {
      const source = deps.sources[payload.provider];
      const since = payload.incremental
        ? await deps.lastBar({ source: payload.provider, symbol: payload.unit, interval: payload.interval })
        : undefined;
      return deps.store(source, await source.fetchUnit({ ...payload, since, symbols }));
    });
}
