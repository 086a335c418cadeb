import { startMarketSim, type MarketSim } from "@kabuto/market-sim";

import { YAHOO_BROWSER_HEADERS, YahooChartClient } from "./yahoo-chart.client";

describe("YahooChartClient against the simulator: it asks as a browser does", () => {
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 11 });
  });

  afterAll(() => sim.close());

  it("sends a desktop Chrome User-Agent and a browser's Accept headers, never axios' own", async () => {
    const client = new YahooChartClient({ baseUrl: sim.yahooBaseUrl, timeoutMs: 10_000 });
    const { bars } = await client.fetchBars({ symbol: "7203.T", interval: "1d", range: "5d" });
    expect(bars.length).toBeGreaterThan(0);
    const sent = (await sim.clientHeaders())["yahoo:/v8/finance/chart"];
    expect(sent).toEqual({
      "user-agent": YAHOO_BROWSER_HEADERS["User-Agent"],
      accept: YAHOO_BROWSER_HEADERS.Accept,
      "accept-language": YAHOO_BROWSER_HEADERS["Accept-Language"],
    });
    expect(sent?.["user-agent"]).toMatch(
      /^Mozilla\/5\.0 \(Windows NT 10\.0; Win64; x64\) .* Chrome\/\d+\.0\.0\.0 Safari/,
    );
    expect(sent?.["user-agent"]).not.toMatch(/axios|node/i);
  });
});
