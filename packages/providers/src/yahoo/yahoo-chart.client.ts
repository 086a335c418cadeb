import axios, { type AxiosInstance } from "axios";

import { PermanentError, TemporaryError, type CorporateActionRow, type PriceUnitData } from "@kabuto/core";

import { toUpstreamError } from "../http/upstream-error";
import { parseYahooActions, parseYahooChart } from "./yahoo-chart.parser";
import type { YahooInterval, YahooRange } from "./yahoo-intervals";

export interface YahooChartClientOptions {
  /** e.g. https://query1.finance.yahoo.com (YAHOO_BASE_URL). */
  baseUrl: string;
  timeoutMs?: number;
  http?: AxiosInstance;
}

/** Yahoo Finance's chart API: one symbol's bars per request, with dividends and splits. */
export class YahooChartClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: YahooChartClientOptions) {
    this.http = options.http ?? axios.create();
  }

  /**
   * Bars of `symbol` ("7203.T") over `range`, as traded, with the actions the answer lists. An
   * unknown or delisted symbol is a PermanentError; timeouts, resets, 429 (with Retry-After) and
   * 5xx are TemporaryErrors.
   */
  async fetchBars(params: { symbol: string; interval: YahooInterval; range: YahooRange }): Promise<PriceUnitData> {
    return parseYahooChart(await this.chart(params), params);
  }

  /**
   * Every split and dividend of `symbol` Yahoo knows: one `range=max` request at the coarsest
   * interval, read for its events only.
   */
  async fetchActions(symbol: string): Promise<CorporateActionRow[]> {
    return parseYahooActions(await this.chart({ symbol, interval: "3mo", range: "max" }), symbol);
  }

  private async chart(params: { symbol: string; interval: YahooInterval; range: YahooRange }): Promise<unknown> {
    const what = `Yahoo chart ${params.symbol}`;
    let body: unknown;
    try {
      const response = await this.http.get<unknown>(
        `${this.options.baseUrl}/v8/finance/chart/${encodeURIComponent(params.symbol)}`,
        {
          params: {
            interval: params.interval,
            range: params.range,
            events: "div,splits",
            includeAdjustedClose: "true",
          },
          timeout: this.options.timeoutMs ?? 30_000,
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
