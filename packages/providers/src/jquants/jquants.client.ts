import type { AxiosInstance } from "axios";
import { z } from "zod";

import {
  PermanentError,
  TemporaryError,
  type CompanyListingSnapshot,
  type IndexBarRow,
  type InvestorTypeRow,
  type PriceUnitData,
} from "@kabuto/core";

import { toUpstreamError } from "../http/upstream-error";
import { upstreamHttp } from "../http/upstream-http";
import { upstreamRequestConfig } from "../http/upstream-request";
import { calendarDayFromJQuants, jquantsCalendarRowSchema, type JQuantsCalendarDay } from "./jquants-calendar";
import { jquantsDailyBarSchema, priceBarFromJQuants, splitFromJQuants } from "./jquants-daily-bar";
import { investorTypeFromJQuants, jquantsInvestorTypesRowSchema } from "./jquants-investor-types.schema";
import { listingFromJQuants } from "./jquants-master.mapper";
import { jquantsMasterRowSchema } from "./jquants-master.schema";
import { indexBarFromJQuantsTopix, jquantsTopixRowSchema } from "./jquants-topix.schema";

export interface JQuantsClientOptions {
  /** e.g. https://api.jquants.com/v2 (JQUANTS_BASE_URL). */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  http?: AxiosInstance;
  /** Waits for the fleet's turn before each request (the plan's per-minute limit, shared through Redis). */
  beforeRequest?: () => Promise<void>;
}

/** Dates (YYYY-MM-DD, inclusive) a J-Quants range request covers. */
export interface DateRangeParams {
  from: string;
  to: string;
}

const pageSchema = z.object({ data: z.array(z.unknown()), pagination_key: z.string().nullish() });

/** Safety net against a server that keeps answering with a pagination key. */
const MAX_PAGES = 10_000;

/**
 * J-Quants API v2 (`x-api-key`; list answers `{data, pagination_key}`). Vendor errors become
 * domain errors (see toUpstreamError); a refused key is an InvalidApiKeyError.
 */
export class JQuantsClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: JQuantsClientOptions) {
    this.http = options.http ?? upstreamHttp("jquants");
  }

  /** Every row of a list endpoint, following pagination_key, each row validated by `schema`. */
  async getAll<Row>(path: string, params: Record<string, string>, schema: z.ZodType<Row>): Promise<Row[]> {
    const rows: Row[] = [];
    let paginationKey: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.getPage(path, paginationKey ? { ...params, pagination_key: paginationKey } : params);
      for (const [index, item] of body.data.entries()) {
        const parsed = schema.safeParse(item);
        if (!parsed.success)
          throw new PermanentError(
            `J-Quants ${path}: row ${rows.length + index + 1} is malformed: ${parsed.error.message}`,
          );
        rows.push(parsed.data);
      }
      if (!body.pagination_key) return rows;
      paginationKey = body.pagination_key;
    }
    throw new PermanentError(`J-Quants ${path}: more than ${MAX_PAGES} pages`);
  }

  /** The listed-company master as of `date` (default: J-Quants' latest). */
  async fetchListing(date?: string): Promise<CompanyListingSnapshot> {
    const rows = await this.getAll("/equities/master", date ? { date } : {}, jquantsMasterRowSchema);
    if (rows.length === 0) throw new PermanentError("J-Quants /equities/master returned no listings");
    const listings = rows.map(listingFromJQuants);
    return { referenceDate: listings[0]!.referenceDate, listings };
  }

  /** The whole market's daily bars on one trading date, every page, as traded, with that day's splits. */
  async fetchDailyBars(date: string): Promise<PriceUnitData> {
    const rows = await this.getAll("/equities/bars/daily", { date }, jquantsDailyBarSchema);
    return {
      bars: rows.map(priceBarFromJQuants),
      actions: rows.flatMap((row) => splitFromJQuants(row) ?? []),
    };
  }

  /** TOPIX's daily bars from `from` to `to`, every page. */
  async fetchTopix({ from, to }: DateRangeParams): Promise<IndexBarRow[]> {
    const rows = await this.getAll("/indices/bars/daily/topix", { from, to }, jquantsTopixRowSchema);
    return rows.map(indexBarFromJQuantsTopix);
  }

  /** Every section's weekly trading by type of investors published from `from` to `to`, every page. */
  async fetchInvestorTypes({ from, to }: DateRangeParams): Promise<InvestorTypeRow[]> {
    const rows = await this.getAll("/equities/investor-types", { from, to }, jquantsInvestorTypesRowSchema);
    return rows.map(investorTypeFromJQuants);
  }

  /**
   * The TSE's calendar from `from` to `to` (YYYY-MM-DD, both included), one day a row in date
   * order, as far as J-Quants knows it (next year's days appear around the end of March).
   */
  async fetchCalendar(window: { from: string; to: string }): Promise<JQuantsCalendarDay[]> {
    const rows = await this.getAll("/markets/calendar", { from: window.from, to: window.to }, jquantsCalendarRowSchema);
    return rows
      .filter((row) => row.Date >= window.from && row.Date <= window.to)
      .map(calendarDayFromJQuants)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Checks the key with one small request; throws InvalidApiKeyError when J-Quants refuses it. */
  async validateKey(): Promise<void> {
    await this.getPage("/equities/master", { code: "72030" });
  }

  private async getPage(path: string, params: Record<string, string>) {
    let data: unknown;
    await this.options.beforeRequest?.();
    try {
      const response = await this.http.get<unknown>(`${this.options.baseUrl}${path}`, {
        params,
        ...upstreamRequestConfig({ timeoutMs: this.options.timeoutMs ?? 30_000 }),
        headers: { "x-api-key": this.options.apiKey },
        responseType: "json",
      });
      data = response.data;
    } catch (error) {
      throw toUpstreamError(error, `J-Quants ${path}`);
    }
    // A body that did not parse as JSON arrives as a string: a cut connection, worth retrying.
    if (typeof data === "string") throw new TemporaryError(`J-Quants ${path}: malformed JSON answer`);
    const parsed = pageSchema.safeParse(data);
    if (!parsed.success) throw new PermanentError(`J-Quants ${path}: unexpected answer shape`);
    return parsed.data;
  }
}
