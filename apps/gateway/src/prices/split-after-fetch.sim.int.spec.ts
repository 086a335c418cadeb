import { randomBytes } from "node:crypto";

import request from "supertest";

import type { PriceBarBody } from "@kabuto/contract";
import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { JOB_FINISHED, startBulkJob, startTestGateway, waitForJob, type TestGateway } from "@kabuto/testkit";

const CHART = "yahoo:/v8/finance/chart";

interface SimChart {
  timestamp: number[];
  indicators: { quote: { open: (number | null)[]; close: (number | null)[]; volume: (number | null)[] }[] };
}

describe("a split after the history was stored (real gateway, worker and simulator)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let split: { code: string; date: string; ratio: number };

  const bars = async (code: string, query: string): Promise<PriceBarBody[]> =>
    (await request(gateway.url).get(`/api/v1/prices/${code}?limit=10000&${query}`).expect(200)).body.bars;

  const runBatch = async (body: object) => {
    const job = await waitForJob(gateway, await startBulkJob(gateway, body), JOB_FINISHED);
    expect(job).toMatchObject({ status: "completed", progress: { failed: 0 } });
  };

  beforeAll(async () => {
    const today = tokyoDate(new Date());
    sim = await startMarketSim({ seed: 21, baseDate: isTradingDay(today) ? today : shiftTradingDays(today, -1) });
    const encryptionKey = randomBytes(32).toString("base64");
    gateway = await startTestGateway({
      ENCRYPTION_KEY: encryptionKey,
      RATE_LIMIT_PER_MINUTE: "100000",
      JQUANTS_BASE_URL: sim.jquantsBaseUrl,
    });
    await request(gateway.url)
      .put("/api/v1/data-sources/jquants")
      .send({ api_key: DEFAULT_JQUANTS_KEY, plan: "standard" })
      .expect(200);
    await gateway.startWorker(sim, { ENCRYPTION_KEY: encryptionKey });
    const state = (await (await fetch(`${sim.url}/__admin/state`)).json()) as { date: string };
    const upcoming = await sim.plannedSplits(shiftTradingDays(state.date, 1), shiftTradingDays(state.date, 60));
    split = upcoming.find((candidate) => candidate.ratio === 3)!;
    expect(split).toBeDefined();
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("reads every stored bar split-adjusted as Yahoo answers today, as traded as J-Quants has them, without re-fetching the history", async () => {
    const { code } = split;
    await runBatch({ symbols: [code], interval: "1d", period: "1y" });
    await runBatch({ provider: "jquants", symbols: [code], interval: "1d", period: "5d" });

    for (let state = { date: "" }; state.date < split.date;) state = (await sim.advanceDay()) as { date: string };
    const before = (await sim.requests())[CHART] ?? 0;
    await runBatch({ symbols: [code], interval: "1d", period: "5d" });
    // the daily update's own five days, and the symbol's action history once: never its year again
    expect((await sim.requests())[CHART]! - before).toBe(2);

    const chart = (
      (await (await fetch(`${sim.yahooBaseUrl}/v8/finance/chart/${code}.T?interval=1d&range=2y`)).json()) as {
        chart: { result: SimChart[] };
      }
    ).chart.result[0]!;
    const yahooToday = new Map(
      chart.timestamp.map((stamp, index) => [
        tokyoDate(new Date(stamp * 1000)),
        { open: chart.indicators.quote[0]!.open[index], close: chart.indicators.quote[0]!.close[index] },
      ]),
    );
    const adjusted = await bars(code, "source=yahoo&adjust=split");
    expect(adjusted.length).toBeGreaterThan(240);
    expect(adjusted.at(-1)!.date).toBe(split.date);
    for (const bar of adjusted) {
      const yahoo = yahooToday.get(bar.date)!;
      if (yahoo.close === null) expect([bar.date, bar.close]).toEqual([bar.date, null]);
      else expect([bar.date, bar.close]).toEqual([bar.date, expect.closeTo(yahoo.close!, 4)]);
      if (yahoo.open !== null) expect(bar.open!).toBeCloseTo(yahoo.open!, 4);
    }

    const traded = await bars(code, "source=yahoo&adjust=none");
    const jquantsAnswer = (await (
      await fetch(`${sim.jquantsBaseUrl}/equities/bars/daily?code=${code}&from=${traded[0]!.date}`, {
        headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
      })
    ).json()) as { data: { Date: string; C: number | null }[] };
    const asTraded = new Map(jquantsAnswer.data.map((row) => [row.Date, row.C]));
    for (const bar of traded) expect([bar.date, bar.close]).toEqual([bar.date, asTraded.get(bar.date)]);
    const dayBefore = traded.at(-2)!;
    expect(adjusted.at(-2)!.close!).toBeCloseTo(dayBefore.close! / 3, 6);

    const jquants = await bars(code, "source=jquants&adjust=none");
    expect(jquants.length).toBe(5);
    const yahooByDay = new Map(traded.map((bar) => [bar.date, bar.close]));
    for (const bar of jquants) expect([bar.date, bar.close]).toEqual([bar.date, yahooByDay.get(bar.date)]);
  });
});
