import type { CorporateActionRow, PriceUnitData, Provider } from "@kabuto/core";

/** What one unit of a batch is: a symbol (one request each) or a trading date (the whole market each). */
export type UnitKind = "symbols" | "dates";

/** Dates (YYYY-MM-DD, both included). */
export interface DateRange {
  from: string;
  to: string;
}

/** What a batch asks for, for a source to turn into units. */
export interface PlanUnitsParams {
  /** Yahoo symbols ("7203.T"), de-duplicated: the named ones or every active listing. */
  symbols: readonly string[];
  period: string;
  /** The dates asked for, in place of `period`. */
  range?: DateRange | undefined;
  /** The Tokyo date the batch starts on (YYYY-MM-DD). */
  today: string;
  /**
   * An incremental update of a date-unit source: the market's last stored date (YYYY-MM-DD), so
   * only the dates after it are planned; undefined plans `period`.
   */
  lastStored?: string | undefined;
}

/** The units a source chose for a batch, and what they cost. */
export interface UnitPlan {
  /** Oldest first for dates; empty when there is nothing to fetch. */
  units: string[];
  /** Upstream requests the units should take. */
  requestsEstimated: number;
  /** Upstream requests planning took (J-Quants' list of bulk files). */
  requestsUsed: number;
  /** The dates the units cover, for sources that plan by date. */
  range?: DateRange | undefined;
  /** What of the asked dates the plan leaves out, and why; undefined when none. */
  skipped?: string | undefined;
}

/** One unit to fetch, with what the batch asked for. */
export interface FetchUnitParams {
  unit: string;
  interval: string;
  period?: string | undefined;
  /** The batch's dates (YYYY-MM-DD, both included), in place of `period`. */
  from?: string | undefined;
  to?: string | undefined;
  /**
   * An incremental update of a symbol unit: the date of its last stored bar (YYYY-MM-DD), fetched
   * again with everything after it, in place of `period`.
   */
  since?: string | undefined;
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
  /** Why this source cannot serve `interval` over `period` (or `range`), or undefined when it can. */
  refusal(params: {
    interval: string;
    period: string;
    range?: DateRange | undefined;
    today: string;
  }): string | undefined;
  /** The cheapest units that fetch what the batch asks for. */
  planUnits(params: PlanUnitsParams): Promise<UnitPlan>;
  /** Fetches one unit into bars as traded, with the actions its answer listed. */
  fetchUnit(params: FetchUnitParams): Promise<FetchedUnit>;
  /**
   * Sources whose answers list only the actions of their own range: the symbol's complete action
   * history, for bars stored before that range.
   */
  fetchActions?(params: { symbol: string }): Promise<CorporateActionRow[]>;
}

/** A fetched unit: its bars and actions, and from which day on the answer listed every action. */
export interface FetchedUnit extends PriceUnitData {
  /** Upstream requests the answer took: 0 when it came from the cache or another batch's fetch. */
  requests: number;
  /** YYYY-MM-DD; undefined when the source's actions come with each day's bars (J-Quants' AdjFactor). */
  actionsFrom?: string | undefined;
}

/** Every source, by provider id. */
export type PriceSources = Readonly<Record<Provider, PriceSource>>;
