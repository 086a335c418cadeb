import { corporateActionRepository, upsertPriceBars, type Database } from "@kabuto/db";
import type { FetchedUnit, PriceSource } from "@kabuto/providers";

import type { UnitWork } from "./batch-lifecycle";

/**
 * Stores one fetched unit: its bars as traded and the actions it listed. For a source whose answers
 * list only their own range's actions, a symbol with bars stored before that range gets its
 * complete action history (one more request) when it has none yet, when its history has a gap
 * before the range, or when the answer shows an action not known before; then its history is
 * complete through `today`.
 */
export function priceUnitStore(deps: { db: Database; today: () => string }) {
  const actions = corporateActionRepository(deps.db.pool);

  /** Whether it fetched the symbol's action history (one request). */
  async function completeHistory(source: PriceSource, symbol: string, from: string, changed: boolean) {
    if (!source.fetchActions) return false;
    if (!(await actions.settle(source.id, symbol, { from, today: deps.today(), changed }))) return false;
    await actions.upsert(await source.fetchActions({ symbol }));
    await actions.markSynced(source.id, symbol, deps.today());
    return true;
  }

  return async function store(source: PriceSource, unit: FetchedUnit): Promise<UnitWork> {
    const records = await upsertPriceBars(deps.db.pool, unit.bars);
    const changed = await actions.upsert(unit.actions);
    const symbols = new Set(unit.bars.map((bar) => bar.symbol));
    let requests = unit.requests;
    if (unit.actionsFrom !== undefined) {
      for (const symbol of symbols) {
        if (await completeHistory(source, symbol, unit.actionsFrom, changed.has(symbol))) requests += 1;
      }
    }
    return { records, symbols: symbols.size, requests };
  };
}

export type PriceUnitStore = ReturnType<typeof priceUnitStore>;
