import type { JQuantsClient } from "./jquants/jquants.client";
import { monthFileKey } from "./jquants/jquants.source";
import type { JQuantsPlanName } from "./jquants/jquants-plan-window";
import { createPriceSources } from "./price-sources";
import { YahooChartClient } from "./yahoo/yahoo-chart.client";
import { yahooSource } from "./yahoo/yahoo.source";

/** A J-Quants client of `plan` whose bulk list offers `months` (YYYY-MM) and counts its calls. */
function fakeJQuants(plan: JQuantsPlanName, months: readonly string[] = []) {
  const calls = { list: 0 };
  const client = {
    plan,
    listBulkFiles: async () => {
      calls.list += 1;
      return months.map((month) => ({ key: monthFileKey(month), size: 1 }));
    },
  } as unknown as JQuantsClient;
  return {
    calls,
    sources: createPriceSources({
      yahoo: new YahooChartClient({ baseUrl: "http://127.0.0.1:9" }),
      jquants: async () => client,
    }),
  };
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (
    let date = new Date(`${first}-01T00:00:00Z`);
    date.toISOString().slice(0, 7) <= last;
    date.setUTCMonth(date.getUTCMonth() + 1)
  )
    months.push(date.toISOString().slice(0, 7));
  return months;
}

describe("the price sources", () => {
  const { sources } = fakeJQuants("standard");
  const symbols = ["7203.T", "6758.T"];

  it("plan Yahoo batches as one unit (one request) per symbol", async () => {
    expect(sources.yahoo.unitKind).toBe("symbols");
    expect(await sources.yahoo.planUnits({ symbols, period: "1y", today: "2026-11-26" })).toEqual({
      units: symbols,
      requestsEstimated: 2,
      requestsUsed: 0,
    });
  });

  it("plan short J-Quants batches as the TSE trading days of the period, holidays skipped", async () => {
    expect(sources.jquants.unitKind).toBe("dates");
    const week = await sources.jquants.planUnits({ symbols, period: "5d", today: "2026-05-08" });
    expect(week.units).toEqual(["2026-04-28", "2026-04-30", "2026-05-01", "2026-05-07", "2026-05-08"]);
    expect(week).toMatchObject({
      range: { from: "2026-04-28", to: "2026-05-08" },
      requestsUsed: 0,
      skipped: undefined,
    });
    const days = await sources.jquants.planUnits({
      symbols,
      period: "1mo",
      range: { from: "2026-11-01", to: "2026-11-26" },
      today: "2026-11-26",
    });
    expect(days.units[0]).toBe("2026-11-02");
    expect(days.units).not.toContain("2026-11-03");
    expect(days.units).not.toContain("2026-11-23");
    expect(days.units.at(-1)).toBe("2026-11-26");
  });

  it("plan a J-Quants daily update as the trading dates after the last stored one, or the last one again", async () => {
    const plan = async (lastStored: string, today: string) =>
      (await sources.jquants.planUnits({ symbols, period: "5d", today, lastStored })).units;
    expect(await plan("2026-04-28", "2026-05-07")).toEqual(["2026-04-30", "2026-05-01", "2026-05-07"]);
    expect(await plan("2026-11-20", "2026-11-24")).toEqual(["2026-11-24"]);
    expect(await plan("2026-11-24", "2026-11-24")).toEqual(["2026-11-24"]);
    expect(await plan("2026-11-20", "2026-11-23")).toEqual(["2026-11-20"]);
  });

  it("plan ten J-Quants years as one bulk file a month, the days of this month as dates, clipped to the plan's window", async () => {
    const offered = monthsBetween("2016-11", "2026-10");
    const { sources: standard, calls } = fakeJQuants("standard", offered);
    const plan = await standard.jquants.planUnits({
      symbols,
      period: "10y",
      range: { from: "2015-01-01", to: "2026-11-26" },
      today: "2026-11-26",
    });
    expect(calls.list).toBe(1);
    const months = plan.units.filter((unit) => unit.length === 7);
    const dates = plan.units.filter((unit) => unit.length === 10);
    expect(months).toEqual(offered);
    expect(dates[0]).toBe("2026-11-02");
    expect(dates).toHaveLength(17);
    expect(plan.range).toEqual({ from: "2016-11-28", to: "2026-11-26" });
    expect(plan.requestsUsed).toBe(1);
    expect(plan.requestsEstimated).toBe(1 + 2 * 120 + 5 * 17);
    expect(plan.skipped).toMatch(
      /^2015-01-05 – 2016-11-25 \(\d+ trading days\) before the standard plan's window 2016-11-26 – 2026-11-26$/,
    );
  });

  it("plan the Free plan (no bulk access) as date requests inside its window, 12 weeks behind", async () => {
    const { sources: free, calls } = fakeJQuants("free", monthsBetween("2025-01", "2026-10"));
    const plan = await free.jquants.planUnits({ symbols, period: "1y", today: "2026-11-26" });
    expect(calls.list).toBe(0);
    expect(plan.units.every((unit) => unit.length === 10)).toBe(true);
    expect(plan.units.at(-1)! <= "2026-09-03").toBe(true);
    expect(plan.skipped).toMatch(
      /^2026-09-04 – 2026-11-26 \(\d+ trading days\) after the free plan's window 2024-09-03 – 2026-09-03$/,
    );
    const outside = await free.jquants.planUnits({ symbols, period: "1mo", today: "2026-11-26" });
    expect(outside.units).toEqual([]);
    expect(outside.skipped).toMatch(/after the free plan's window/);
  });

  it("fetch a Yahoo unit with a last stored bar from the start of its Tokyo day to the start of tomorrow's", async () => {
    const asked: unknown[] = [];
    const client = {
      fetchBars: async (params: unknown) => {
        asked.push(params);
        return {
          bars: ["2026-01-05", "2026-01-06", "2026-11-26"].map((date) => ({ ts: new Date(`${date}T00:00:00Z`) })),
          actions: [],
        };
      },
    } as unknown as YahooChartClient;
    const yahoo = yahooSource(client, () => new Date("2026-11-26T10:00:00Z"));
    await yahoo.fetchUnit({ unit: "7203.T", interval: "1d", period: "5d", since: "2026-11-20" });
    await yahoo.fetchUnit({ unit: "7203.T", interval: "1d", period: "5d" });
    const ranged = await yahoo.fetchUnit({ unit: "7203.T", interval: "1d", from: "2026-01-05", to: "2026-01-06" });
    const span = (period1: string) => ({
      symbol: "7203.T",
      interval: "1d",
      period1: new Date(period1),
      period2: new Date("2026-11-26T15:00:00Z"),
    });
    expect(asked).toEqual([
      span("2026-11-19T15:00:00Z"),
      { symbol: "7203.T", interval: "1d", range: "5d" },
      span("2026-01-04T15:00:00Z"),
    ]);
    expect(ranged.bars.map((bar) => bar.ts.toISOString().slice(0, 10))).toEqual(["2026-01-05", "2026-01-06"]);
    expect(ranged.requests).toBe(1);
  });

  it("refuse what their upstream cannot serve", () => {
    const today = "2026-11-26";
    expect(sources.yahoo.refusal({ interval: "1d", period: "10y", today })).toBeUndefined();
    expect(sources.yahoo.refusal({ interval: "1m", period: "1mo", today })).toBe(
      "interval 1m only reaches 7 days back; range 1mo is longer",
    );
    expect(
      sources.yahoo.refusal({ interval: "1m", period: "1mo", range: { from: "2026-11-01", to: today }, today }),
    ).toBe("interval 1m only reaches 7 days back; 'from' 2026-11-01 is older");
    expect(sources.jquants.refusal({ interval: "1d", period: "ytd", today })).toBeUndefined();
    expect(sources.jquants.refusal({ interval: "1wk", period: "1y", today })).toMatch(/日足/);
  });
});
