import type { Readable } from "node:stream";

import { isAxiosError, type AxiosInstance } from "axios";
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
import { readBulkDailyBars } from "./jquants-bulk-csv";
import {
  jquantsDailyBarSchema,
  priceBarFromJQuants,
  splitFromJQuants,
  type JQuantsDailyBar,
} from "./jquants-daily-bar";
import { investorTypeFromJQuants, jquantsInvestorTypesRowSchema } from "./jquants-investor-types.schema";
import { listingFromJQuants } from "./jquants-master.mapper";
import { jquantsMasterRowSchema } from "./jquants-master.schema";
import type { JQuantsPlanName } from "./jquants-plan-window";
import { indexBarFromJQuantsTopix, jquantsTopixRowSchema } from "./jquants-topix.schema";

export interface JQuantsClientOptions {
  /** e.g. https://api.jquants.com/v2 (JQUANTS_BASE_URL). */
  baseUrl: string;
  apiKey: string;
  /** The key's plan as stored with it: its window and whether bulk files may be asked for. */
  plan?: JQuantsPlanName;
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
const bulkListSchema = z.object({ data: z.array(z.object({ Key: z.string(), Size: z.number() })) });
const bulkUrlSchema = z.object({ url: z.url() });

/** The whole market's daily bars of a unit, with the upstream requests they took. */
export interface FetchedDailyBars extends PriceUnitData {
  requests: number;
}

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

  get plan(): JQuantsPlanName | undefined {
    return this.options.plan;
  }

  /** Every row of a list endpoint, following pagination_key, each row validated by `schema`. */
  async getAll<Row>(path: string, params: Record<string, string>, schema: z.ZodType<Row>): Promise<Row[]> {
    return (await this.getPages(path, params, schema)).rows;
  }

  private async getPages<Row>(path: string, params: Record<string, string>, schema: z.ZodType<Row>) {
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
      if (!body.pagination_key) return { rows, pages: page + 1 };
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
  async fetchDailyBars(date: string): Promise<FetchedDailyBars> {
    const { rows, pages } = await this.getPages("/equities/bars/daily", { date }, jquantsDailyBarSchema);
    return { ...dailyBarsOf(rows), requests: pages };
  }

  /** The bulk files J-Quants offers for `endpoint` (one request), by key. */
  async listBulkFiles(endpoint: string): Promise<{ key: string; size: number }[]> {
    const parsed = bulkListSchema.safeParse(await this.getJson("/bulk/list", { endpoint }));
    if (!parsed.success) throw new PermanentError("J-Quants /bulk/list: unexpected answer shape");
    return parsed.data.data.map((file) => ({ key: file.Key, size: file.Size }));
  }

  /**
   * The daily bars of one bulk file that `keep` accepts: a signed URL from `/bulk/get`, then the
   * gzipped CSV streamed from it without the API key (two requests).
   */
  async fetchBulkDailyBars(key: string, keep: (row: JQuantsDailyBar) => boolean): Promise<FetchedDailyBars> {
    const signed = bulkUrlSchema.safeParse(await this.getJson("/bulk/get", { key }));
    if (!signed.success) throw new PermanentError("J-Quants /bulk/get: unexpected answer shape");
    let body: Readable;
    try {
      const response = await this.http.get<Readable>(signed.data.url, {
        ...upstreamRequestConfig({ timeoutMs: this.options.timeoutMs ?? 30_000 }),
        responseType: "stream",
        decompress: false,
      });
      body = response.data;
    } catch (error) {
      // A signed URL refused has most likely expired: the unit's retry asks /bulk/get for a new one.
      if (isAxiosError(error) && error.response?.status === 403)
        throw new TemporaryError(`J-Quants bulk file ${key}: the signed download URL was refused (HTTP 403)`);
      throw toUpstreamError(error, `J-Quants bulk file ${key}`);
    }
    return { ...dailyBarsOf(await readBulkDailyBars(body, keep, key)), requests: 2 };
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
    const parsed = pageSchema.safeParse(await this.getJson(path, params));
    if (!parsed.success) throw new PermanentError(`J-Quants ${path}: unexpected answer shape`);
    return parsed.data;
  }

  private async getJson(path: string, params: Record<string, string>): Promise<unknown> {
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
    return data;
  }
}

function dailyBarsOf(rows: readonly JQuantsDailyBar[]): PriceUnitData {
  return { bars: rows.map(priceBarFromJQuants), actions: rows.flatMap((row) => splitFromJQuants(row) ?? []) };
}
