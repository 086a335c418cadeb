import type { PriceBarRow, Provider } from "@kabuto/core";

/** What one unit of a batch is: a symbol (one request each) or a trading date (the whole market each). */
export type UnitKind = "symbols" | "dates";

/** What a batch asks for, for a source to turn into units. */
export interface PlanUnitsParams {
  /** Yahoo symbols ("7203.T"), de-duplicated: the named ones or every active listing. */
  symbols: readonly string[];
  period: string;
  /** The Tokyo date the batch starts on (YYYY-MM-DD). */
  today: string;
}

/** One unit to fetch, with what the batch asked for. */
export interface FetchUnitParams {
  unit: string;
  interval: string;
  period?: string | undefined;
  /** The symbols to keep from a whole-market unit; undefined keeps every one. */
  symbols?: ReadonlySet<string> | undefined;
}

/**
 * One upstream of prices, as every other part of Kabuto sees it (ghostfolio's DataProviderInterface
 * with params objects). Each source turns its vendor's errors into domain errors.
 */
export interface PriceSource {
  readonly id: Provider;
  readonly unitKind: UnitKind;
  /** Bar intervals the source serves. */
  readonly intervals: readonly string[];
  /** Why this source cannot serve `interval` over `period`, or undefined when it can. */
  refusal(params: { interval: string; period: string }): string | undefined;
  /** The units of a batch, oldest first for dates; empty when there is nothing to fetch. */
  planUnits(params: PlanUnitsParams): string[];
  /** Fetches one unit into bars as Kabuto stores them. */
  fetchUnit(params: FetchUnitParams): Promise<PriceBarRow[]>;
}

/** Every source, by provider id. */
export type PriceSources = Readonly<Record<Provider, PriceSource>>;
