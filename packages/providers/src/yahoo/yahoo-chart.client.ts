import axios, { type AxiosInstance } from "axios";

import { PermanentError, TemporaryError, type CorporateActionRow, type PriceUnitData } from "@kabuto/core";

import { toUpstreamError } from "../http/upstream-error";
import { upstreamHttp } from "../http/upstream-http";
import { upstreamRequestConfig } from "../http/upstream-request";
import { parseYahooActions, parseYahooChart } from "./yahoo-chart.parser";
import type { YahooInterval, YahooRange } from "./yahoo-intervals";

/**
 * How much an answer covers: a `range` back from now, or Yahoo's `period1` (inclusive) to `period2`
 * (exclusive), sent as epoch seconds.
 */
export type YahooSpan = { range: YahooRange } | { period1: Date; period2: Date };

type ChartParams = { symbol: string; interval: YahooInterval } & YahooSpan;

const epochSeconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

export interface YahooChartClientOptions {
  /** e.g. https://query1.finance.yahoo.com (YAHOO_BASE_URL). */
  baseUrl: string;
  timeoutMs?: number;
  http?: AxiosInstance;
}

/**
 * What a desktop Chrome sends: Yahoo answers 429 "Too Many Requests" to some non-browser
 * User-Agents (axios' own among them) however slowly they ask. Chrome's reduced User-Agent
 * string only ever varies in the major version.
 */
export const YAHOO_BROWSER_HEADERS = {
  "User-Agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
  Accept: "application/json,text/plain,*/*",
  "Accept-Language": "ja,en-US;q=0.9,en;q=0.8",
} as const;

/** Yahoo Finance's chart API: one symbol's bars per request, with dividends and splits. */
export class YahooChartClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: YahooChartClientOptions) {
    this.http = options.http ?? upstreamHttp("yahoo");
  }

  /**
   * Bars of `symbol` ("7203.T") over `range` or `period1`–`period2`, as traded, with the actions
   * the answer lists. An unknown or delisted symbol is a PermanentError; timeouts, resets, 429 and
   * 5xx are TemporaryErrors (a 429 an UpstreamRateLimitError).
   */
  async fetchBars(params: ChartParams): Promise<PriceUnitData> {
    return parseYahooChart(await this.chart(params), params);
  }

  /**
   * Every split and dividend of `symbol` Yahoo knows: one `range=max` request at the coarsest
   * interval, read for its events only.
   */
  async fetchActions(symbol: string): Promise<CorporateActionRow[]> {
    return parseYahooActions(await this.chart({ symbol, interval: "3mo", range: "max" }), symbol);
  }

  private async chart(params: ChartParams): Promise<unknown> {
    const what = `Yahoo chart ${params.symbol}`;
    let body: unknown;
    try {
      const response = await this.http.get<unknown>(
        `${this.options.baseUrl}/v8/finance/chart/${encodeURIComponent(params.symbol)}`,
        {
          params: {
            interval: params.interval,
            ...("range" in params
              ? { range: params.range }
              : { period1: epochSeconds(params.period1), period2: epochSeconds(params.period2) }),
            events: "div,splits",
            includeAdjustedClose: "true",
          },
          ...upstreamRequestConfig({ timeoutMs: this.options.timeoutMs ?? 30_000 }),
          headers: YAHOO_BROWSER_HEADERS,
          responseType: "json",
        },
      );
      body = response.data;
    } catch (error) {
      const status = axios.isAxiosError(error) ? error.response?.status : undefined;
      if (status === 404) throw new PermanentError(`${what}: unknown symbol (HTTP 404)`);
      if (status === 400 || status === 422)
        throw new PermanentError(`${what}: Yahoo refused the request (HTTP ${status})`);
      throw toUpstreamError(error, what);
    }
    // A body that did not parse as JSON arrives as a string: a cut connection, worth retrying.
    if (typeof body === "string") throw new TemporaryError(`${what}: malformed JSON answer`);
    return body;
  }
}
