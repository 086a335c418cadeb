import { createServer, type Server, type ServerResponse } from "node:http";

import { PermanentError, TemporaryError, UpstreamRateLimitError, listen } from "@kabuto/core";

import { YahooChartClient } from "./yahoo-chart.client";

describe("YahooChartClient against a real HTTP server", () => {
  let server: Server;
  let client: YahooChartClient;
  let answer: (response: ServerResponse) => void = () => undefined;
  let lastUrl = "";

  beforeAll(async () => {
    server = createServer((request, response) => {
      lastUrl = request.url ?? "";
      answer(response);
    });
    client = new YahooChartClient({
      baseUrl: `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`,
      timeoutMs: 300,
    });
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetch7203 = () => client.fetchBars({ symbol: "7203.T", interval: "1d", range: "1mo" });
  const json =
    (status: number, body: unknown, headers: Record<string, string> = {}) =>
    (response: ServerResponse) =>
      response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

  it("asks for the chart with events and parses it", async () => {
    answer = json(200, {
      chart: {
        result: [
          {
            meta: { symbol: "7203.T", exchangeTimezoneName: "Asia/Tokyo" },
            timestamp: [1763942400],
            indicators: {
              quote: [{ open: [1], high: [2], low: [0.5], close: [1.5], volume: [10] }],
              adjclose: [{ adjclose: [1.4] }],
            },
          },
        ],
        error: null,
      },
    });
    const { bars } = await fetch7203();
    expect(lastUrl).toBe("/v8/finance/chart/7203.T?interval=1d&range=1mo&events=div,splits&includeAdjustedClose=true");
    expect(bars).toEqual([expect.objectContaining({ ts: new Date("2025-11-24T00:00:00Z"), close: 1.5, volume: 10 })]);
  });

  it("an unknown symbol is permanent", async () => {
    answer = json(404, {
      chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } },
    });
    await expect(fetch7203()).rejects.toThrow(new PermanentError("Yahoo chart 7203.T: unknown symbol (HTTP 404)"));
  });

  it("a 429 is a temporary rate limit and carries Retry-After when there is one", async () => {
    answer = json(429, { finance: { error: "Too Many Requests" } }, { "retry-after": "7" });
    const error = await fetch7203().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamRateLimitError);
    expect(error).toBeInstanceOf(TemporaryError);
    expect((error as UpstreamRateLimitError).retryAfterMs).toBe(7000);
    answer = json(429, { finance: { error: "Too Many Requests" } });
    const silent = await fetch7203().catch((caught: unknown) => caught);
    expect(silent).toBeInstanceOf(UpstreamRateLimitError);
    expect((silent as UpstreamRateLimitError).retryAfterMs).toBeUndefined();
  });

  it("a 5xx, a timeout, a reset and malformed JSON are temporary", async () => {
    for (const misbehave of [
      json(503, {}),
      () => undefined,
      (response: ServerResponse) => response.socket?.destroy(),
      (response: ServerResponse) =>
        response.writeHead(200, { "content-type": "application/json" }).end('{"chart": {"res'),
    ]) {
      answer = misbehave;
      await expect(fetch7203()).rejects.toBeInstanceOf(TemporaryError);
    }
  });
});
