import type { JQuantsClient } from "./jquants/jquants.client";
import { createPriceSources } from "./price-sources";
import { YahooChartClient } from "./yahoo/yahoo-chart.client";
import { yahooSource } from "./yahoo/yahoo.source";

describe("the price sources", () => {
  const sources = createPriceSources({
    yahoo: new YahooChartClient({ baseUrl: "http://127.0.0.1:9" }),
    jquants: () => Promise.reject<JQuantsClient>(new Error("planning never fetches")),
  });
  const symbols = ["7203.T", "6758.T"];

  it("plan Yahoo batches as one unit per symbol", () => {
    expect(sources.yahoo.unitKind).toBe("symbols");
    expect(sources.yahoo.planUnits({ symbols, period: "1y", today: "2026-11-26" })).toEqual(symbols);
  });

  it("plan J-Quants batches as the TSE trading days of the period, holidays skipped", () => {
    expect(sources.jquants.unitKind).toBe("dates");
    expect(sources.jquants.planUnits({ symbols, period: "5d", today: "2026-05-08" })).toEqual([
      "2026-04-28",
      "2026-04-30",
      "2026-05-01",
      "2026-05-07",
      "2026-05-08",
    ]);
    const month = sources.jquants.planUnits({ symbols, period: "1mo", today: "2026-11-26" });
    expect(month[0]).toBe("2026-10-26");
    expect(month).not.toContain("2026-11-03");
    expect(month).not.toContain("2026-11-23");
    expect(month.at(-1)).toBe("2026-11-26");
  });

  it("plan a J-Quants daily update as the trading dates after the last stored one, or the last one again", () => {
    const plan = (lastStored: string, today: string) =>
      sources.jquants.planUnits({ symbols, period: "5d", today, lastStored });
    expect(plan("2026-04-28", "2026-05-07")).toEqual(["2026-04-30", "2026-05-01", "2026-05-07"]);
    expect(plan("2026-11-20", "2026-11-24")).toEqual(["2026-11-24"]);
    expect(plan("2026-11-24", "2026-11-24")).toEqual(["2026-11-24"]);
    expect(plan("2026-11-20", "2026-11-23")).toEqual(["2026-11-20"]);
  });

  it("fetch a Yahoo unit with a last stored bar from the start of its Tokyo day to the start of tomorrow's", async () => {
    const asked: unknown[] = [];
    const client = {
      fetchBars: async (params: unknown) => {
        asked.push(params);
        return { bars: [], actions: [] };
      },
    } as unknown as YahooChartClient;
    const yahoo = yahooSource(client, () => new Date("2026-11-26T10:00:00Z"));
    await yahoo.fetchUnit({ unit: "7203.T", interval: "1d", period: "5d", since: "2026-11-20" });
    await yahoo.fetchUnit({ unit: "7203.T", interval: "1d", period: "5d" });
    expect(asked).toEqual([
      {
        symbol: "7203.T",
        interval: "1d",
        period1: new Date("2026-11-19T15:00:00Z"),
        period2: new Date("2026-11-26T15:00:00Z"),
      },
      { symbol: "7203.T", interval: "1d", range: "5d" },
    ]);
  });

  it("refuse what their upstream cannot serve", () => {
    expect(sources.yahoo.refusal({ interval: "1d", period: "10y" })).toBeUndefined();
    expect(sources.yahoo.refusal({ interval: "1m", period: "1mo" })).toBe(
      "interval 1m only reaches 7 days back; range 1mo is longer",
    );
    expect(sources.jquants.refusal({ interval: "1d", period: "ytd" })).toBeUndefined();
    expect(sources.jquants.refusal({ interval: "1wk", period: "1y" })).toMatch(/日足/);
  });
});
