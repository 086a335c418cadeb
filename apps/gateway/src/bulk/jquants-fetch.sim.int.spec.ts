import request from "supertest";

import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startBulkJob, startJQuantsTestGateway, waitForJob, type TestGateway } from "@kabuto/testkit";

const BARS = "jquants:/v2/equities/bars/daily";

describe("J-Quants batches against the simulator: per date, the whole market, the plan's limit across two workers", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  beforeAll(async () => {
    const today = tokyoDate(new Date());
    sim = await startMarketSim({
      seed: 9,
      baseDate: isTradingDay(today) ? today : shiftTradingDays(today, -1),
      jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" },
    });
    gateway = await startJQuantsTestGateway(sim, {
      apiKey: DEFAULT_JQUANTS_KEY,
      plan: "premium",
      workers: 2,
      workerEnv: { WORKER_CONCURRENCY: "4" },
    });
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("fetches one request per page per date, keeps the batch's symbols, stores raw and adjusted prices", async () => {
    const before = (await sim.requests())[BARS] ?? 0;
    const symbols = codes.slice(0, 50);
    // Under a month: by date, not bulk files.
    const jobId = await startBulkJob(gateway, {
      provider: "jquants",
      symbols,
      interval: "1d",
      from: shiftTradingDays(tokyoDate(new Date()), -15),
    });
    const job = await waitForJob(gateway, jobId);
    const dates = job.progress.total;
    expect(dates).toBeGreaterThanOrEqual(15);
    expect(job).toMatchObject({
      status: "completed",
      unit: "dates",
      progress: { processed: dates, successful: dates, failed: 0 },
      summary: { total_symbols: 50, total_dates: dates },
      plan: { units: dates, requests_estimated: dates * 5, requests_used: dates * 5 },
    });
    const requests = await sim.requests();
    // the whole market is about 4,400 listings: five pages a date, never one request per code
    expect(requests[BARS]! - before).toBe(dates * 5);
    expect(requests[`${BARS} 429`]).toBeUndefined();

    const rows = await gateway.db.prisma.priceBar.findMany({ where: { source: "jquants" } });
    expect(rows).toHaveLength(job.summary!.records);
    expect(new Set(rows.map((row) => row.symbol))).toEqual(new Set(symbols.map((code) => `${code}.T`)));
    const code = symbols[7]!;
    const stored = rows
      .filter((row) => row.symbol === `${code}.T`)
      .sort((a, b) => a.ts.getTime() - b.ts.getTime())
      .map((row) => ({ Date: row.ts.toISOString().slice(0, 10), C: row.close }));
    const simulated = (await (
      await fetch(`${sim.jquantsBaseUrl}/equities/bars/daily?code=${code}&from=${stored[0]!.Date}`, {
        headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
      })
    ).json()) as { data: { Date: string; C: number | null }[] };
    expect(stored).toEqual(simulated.data.map(({ Date, C }) => ({ Date, C })));
  });

  it("answers 400 for an intraday J-Quants batch", async () => {
    const response = await request(gateway.url)
      .post("/api/bulk/start")
      .send({ provider: "jquants", all: true, interval: "5m", period: "5d" })
      .expect(400);
    expect(response.body.message).toMatch(/日足/);
  });
});
