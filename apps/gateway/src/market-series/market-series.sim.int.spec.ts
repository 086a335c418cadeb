import request from "supertest";

import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  simulatorCodes,
  simulatorPages,
  startBulkJob,
  startJQuantsTestGateway,
  waitForJob,
  waitUntil,
  type TestGateway,
} from "@kabuto/testkit";

describe("a J-Quants batch brings TOPIX and investor types, served by /api/v1/topix and /api/v1/investor-types", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let range: { from: string; to: string };
  let requestsAfterBatch: Record<string, number>;

  const simulated = (path: string) => simulatorPages(sim, DEFAULT_JQUANTS_KEY, path);

  /** Every page of a Kabuto route, following `next`. */
  async function allPages<Row>(path: string, field: string): Promise<Row[]> {
    const rows: Row[] = [];
    let next: string | null = null;
    do {
      const response = await request(gateway.url)
        .get(path)
        .query(next ? { cursor: next } : {})
        .expect(200);
      rows.push(...(response.body[field] as Row[]));
      expect(response.body.count).toBe(response.body[field].length);
      next = response.body.next as string | null;
    } while (next);
    return rows;
  }

  beforeAll(async () => {
    const today = tokyoDate(new Date());
    // The simulator's today is the batch's last date, so it answers for every date of the batch.
    sim = await startMarketSim({
      seed: 3,
      baseDate: isTradingDay(today) ? today : shiftTradingDays(today, -1),
      jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" },
    });
    gateway = await startJQuantsTestGateway(sim, { apiKey: DEFAULT_JQUANTS_KEY, plan: "premium" });
    const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 3);
    // Fewer than twenty dates: one unit per date, no bulk files.
    const jobId = await startBulkJob(gateway, {
      provider: "jquants",
      symbols,
      interval: "1d",
      from: shiftTradingDays(tokyoDate(new Date()), -17),
    });
    expect(await waitForJob(gateway, jobId)).toMatchObject({ status: "completed", progress: { failed: 0 } });
    const dates = (await gateway.db.prisma.batchExecutionDetail.findMany({ where: { batchId: jobId } }))
      .map((unit) => unit.symbol)
      .sort();
    range = { from: dates[0]!, to: dates.at(-1)! };
    await waitUntil(
      "the batch's TOPIX bars",
      () => gateway.db.prisma.indexBar.count(),
      (stored) => stored === dates.length,
      { timeoutMs: 30_000 },
    );
    requestsAfterBatch = await sim.requests();
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("fetches each series once for the whole batch, in one request each", () => {
    expect(requestsAfterBatch["jquants:/v2/indices/bars/daily/topix"]).toBe(1);
    expect(requestsAfterBatch["jquants:/v2/equities/investor-types"]).toBe(1);
  });

  it("stores TOPIX for exactly the batch's dates and serves the simulator's values", async () => {
    const expected = (await simulated(`/indices/bars/daily/topix?from=${range.from}&to=${range.to}`)).map((row) => ({
      date: row.Date,
      open: row.O,
      high: row.H,
      low: row.L,
      close: row.C,
    }));
    expect(expected.length).toBeGreaterThanOrEqual(15);
    const { body } = await request(gateway.url).get("/api/v1/topix").expect(200);
    expect(body).toEqual({ success: true, index_code: "TOPIX", count: expected.length, bars: expected, next: null });
    const paged = await allPages(`/api/v1/topix?from=${range.from}&to=${range.to}&limit=4`, "bars");
    expect(paged).toEqual(expected);
  });

  it("stores the weeks published in the batch's dates and serves them with Kabuto's names", async () => {
    const weeks = await simulated(`/equities/investor-types?from=${range.from}&to=${range.to}`);
    expect(weeks.length).toBeGreaterThanOrEqual(4 * 3);
    const served = await allPages<Record<string, unknown>>(
      `/api/v1/investor-types?from=${range.from}&to=${range.to}&limit=5`,
      "investor_types",
    );
    const byKey = (row: Record<string, unknown>) => `${row.start_date ?? row.StDate} ${row.section ?? row.Section}`;
    expect(served.map(byKey)).toEqual(weeks.map(byKey).sort());
    for (const week of weeks) {
      const row = served.find((each) => byKey(each) === byKey(week))!;
      expect(row).toMatchObject({
        published_date: week.PubDate,
        end_date: week.EnDate,
        foreigners: { sell: week.FrgnSell, buy: week.FrgnBuy, total: week.FrgnTot, balance: week.FrgnBal },
        individuals: { sell: week.IndSell, buy: week.IndBuy, total: week.IndTot, balance: week.IndBal },
        total: { sell: week.TotSell, buy: week.TotBuy, total: week.TotTot, balance: week.TotBal },
      });
    }
    const prime = await request(gateway.url).get("/api/v1/investor-types?section=TSEPrime").expect(200);
    expect(prime.body.investor_types.map(byKey)).toEqual(
      weeks
        .filter((week) => week.Section === "TSEPrime")
        .map(byKey)
        .sort(),
    );
  });

  it.each([
    ["/api/v1/topix?from=2026-02-30", /'from' は実在する日付/],
    ["/api/v1/topix?from=2026-11-10&to=2026-11-09", /'from' は 'to' 以前/],
    ["/api/v1/topix?to=20261110", /'to' は YYYY-MM-DD/],
    ["/api/v1/topix?limit=10001", /'limit'/],
    ["/api/v1/topix?cursor=2026-13-01", /'cursor' は実在する日付/],
    ["/api/v1/investor-types?to=2025-02-29", /'to' は実在する日付/],
    ["/api/v1/investor-types?from=2026-11-10&to=2026-11-01", /'from' は 'to' 以前/],
    ["/api/v1/investor-types?section=TSE%20Prime", /'section'/],
    ["/api/v1/investor-types?cursor=abc", /'cursor' は前のページの next/],
    ["/api/v1/investor-types?limit=0", /'limit'/],
  ])("answers 400 VALIDATION_ERROR for %s", async (path, message) => {
    const { body } = await request(gateway.url).get(path).expect(400);
    expect(body).toEqual({ success: false, error: "VALIDATION_ERROR", message: expect.stringMatching(message) });
  });
});
