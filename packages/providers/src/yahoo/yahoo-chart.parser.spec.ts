import { readFileSync } from "node:fs";

import { PermanentError } from "@kabuto/core";
import { describeWithSharedFixtures, sharedFixture } from "@kabuto/testkit";

import { parseYahooChart } from "./yahoo-chart.parser";

const fixture = (name: string): unknown => JSON.parse(readFileSync(sharedFixture(`yahoo/${name}`), "utf8"));

describeWithSharedFixtures("parseYahooChart on Yahoo's real answers", () => {
  it("stamps each daily bar with its Tokyo trading date, the live last one included", () => {
    const { bars } = parseYahooChart(fixture("chart-6309.T-1mo-1d-split-dividend.json"), {
      symbol: "6309.T",
      interval: "1d",
    });
    expect(bars).toHaveLength(18);
    expect(bars.every((bar) => bar.ts.toISOString().endsWith("T00:00:00.000Z"))).toBe(true);
    expect(bars.at(-1)!.ts.toISOString()).toBe("2025-05-19T00:00:00.000Z");
    expect(new Set(bars.map((bar) => bar.ts.getTime())).size).toBe(18);
  });

  it("turns Yahoo's split-adjusted bars into prices as traded, and lists the split and the dividend", () => {
    const { bars, actions } = parseYahooChart(fixture("chart-6309.T-1mo-1d-split-dividend.json"), {
      symbol: "6309.T",
      interval: "1d",
    });
    // 3:1 from 2025-04-28: the days before traded at three times Yahoo's price, on a third of its volume
    expect(bars[0]).toMatchObject({ source: "yahoo", symbol: "6309.T", volume: 49_900 });
    expect(bars[0]!.close).toBeCloseTo(4285, 6);
    expect(bars.find((bar) => bar.ts.toISOString().startsWith("2025-04-25"))!.close).toBeCloseTo(4210, 6);
    expect(bars.find((bar) => bar.ts.toISOString().startsWith("2025-04-28"))).toMatchObject({
      close: 1378,
      volume: 236_500,
    });
    expect(actions).toEqual([
      { source: "yahoo", symbol: "6309.T", kind: "split", exDate: "2025-04-28", ratio: 3 },
      { source: "yahoo", symbol: "6309.T", kind: "dividend", exDate: "2025-04-28", amount: 73 },
    ]);
  });

  it("reads the other listing too", () => {
    const { bars, actions } = parseYahooChart(fixture("chart-1301.T-1mo-1d.json"), {
      symbol: "1301.T",
      interval: "1d",
    });
    expect(actions).toEqual([]);
    expect(bars).toHaveLength(23);
    expect(bars.at(-1)!.ts.toISOString()).toBe("2024-12-06T00:00:00.000Z");
  });
});

describe("parseYahooChart", () => {
  const chart = (close: (number | null)[], timestamp = [1763942400, 1764028800]) => ({
    chart: {
      result: [
        {
          meta: { symbol: "7203.T", exchangeTimezoneName: "Asia/Tokyo" },
          timestamp,
          indicators: {
            quote: [
              {
                open: close,
                high: close,
                low: close,
                close,
                volume: close.map((value) => (value === null ? null : 100)),
              },
            ],
            adjclose: [{ adjclose: close }],
          },
        },
      ],
      error: null,
    },
  });

  it("keeps a trading day without prices as a halt, with nulls, and drops such a row on a closed day", () => {
    // 2025-11-24 was a substitute holiday, 2025-11-25 and -26 trading days
    const { bars } = parseYahooChart(chart([null, 3000, null], [1763942400, 1764028800, 1764115200]), {
      symbol: "7203.T",
      interval: "1d",
    });
    expect(bars.map((bar) => [bar.ts.toISOString().slice(0, 10), bar.close, bar.volume])).toEqual([
      ["2025-11-25", 3000, 100],
      ["2025-11-26", null, null],
    ]);
  });

  it("stamps intraday bars with their own time", () => {
    const { bars } = parseYahooChart(chart([3000, 3001], [1763946000, 1763946060]), {
      symbol: "7203.T",
      interval: "1m",
    });
    expect(bars.map((bar) => bar.ts.toISOString())).toEqual(["2025-11-24T01:00:00.000Z", "2025-11-24T01:01:00.000Z"]);
  });

  it("reports Yahoo's own error as permanent", () => {
    const body = {
      chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } },
    };
    expect(() => parseYahooChart(body, { symbol: "0000.T", interval: "1d" })).toThrow(
      new PermanentError('Yahoo chart for 0000.T: "No data found, symbol may be delisted"'),
    );
  });
});
