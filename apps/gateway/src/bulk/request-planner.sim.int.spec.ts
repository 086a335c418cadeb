import request from "supertest";

import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startBulkJob, startJQuantsTestGateway, waitForJob, type TestGateway } from "@kabuto/testkit";

const FREE_KEY = "free-plan-key";
const KINDS = {
  dates: "jquants:/v2/equities/bars/daily",
  list: "jquants:/v2/bulk/list",
  get: "jquants:/v2/bulk/get",
  download: "jquants:bulk-download",
} as const;

/** The first day of the month `back` months before `date`'s (YYYY-MM-DD). */
function monthStart(date: string, back: number): string {
  const start = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - back);
  return start.toISOString().slice(0, 10);
}

describe("the request planner against the simulator: bulk files for months, dates for the rest, the plan's window", () => {
  jest.setTimeout(180_000);
  let sim: MarketSim;
  let standard: TestGateway;
  let free: TestGateway;
  let codes: string[];
  let today: string;

  beforeAll(async () => {
    const now = tokyoDate(new Date());
    today = isTradingDay(now) ? now : shiftTradingDays(now, -1);
    sim = await startMarketSim({
      seed: 11,
      baseDate: today,
      jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "standard", [FREE_KEY]: "free" },
    });
    standard = await startJQuantsTestGateway(sim, { apiKey: DEFAULT_JQUANTS_KEY, plan: "standard" });
    free = await startJQuantsTestGateway(sim, { apiKey: FREE_KEY, plan: "free", workers: 0 });
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
  });

  afterAll(async () => {
    await standard?.close();
    await free?.close();
    await sim?.close();
  });

  it("fetches three months as three bulk files and this month by date, counting every request it made", async () => {
    const before = await sim.requests();
    const symbols = codes.slice(0, 30);
    const from = monthStart(today, 3);
    const jobId = await startBulkJob(standard, { provider: "jquants", symbols, interval: "1d", from });
    const job = await waitForJob(standard, jobId);
    const after = await sim.requests();
    const used = (kind: keyof typeof KINDS) => (after[KINDS[kind]] ?? 0) - (before[KINDS[kind]] ?? 0);

    const units = await request(standard.url).get(`/api/bulk/jobs/${jobId}/symbols`).expect(200);
    const names = (units.body.symbols as { symbol: string }[]).map((unit) => unit.symbol);
    const months = names.filter((unit) => unit.length === 7);
    const dates = names.filter((unit) => unit.length === 10);
    expect(months).toEqual([0, 1, 2].map((back) => monthStart(today, 3 - back).slice(0, 7)));
    expect(dates.every((date) => date.startsWith(today.slice(0, 7)))).toBe(true);

    expect(used("list")).toBe(1);
    expect(used("get")).toBe(3);
    expect(used("download")).toBe(3);
    expect(used("dates")).toBe(dates.length * 5);
    expect(after[`${KINDS.dates} 429`]).toBeUndefined();
    expect(job).toMatchObject({
      status: "completed",
      plan: {
        from: shiftTradingDays(shiftTradingDays(from, -1), 1),
        to: today,
        units: months.length + dates.length,
        requests_estimated: 1 + 2 * 3 + 5 * dates.length,
        requests_used: 1 + used("get") + used("download") + used("dates"),
        skipped: null,
      },
    });

    // The CSV rows are the JSON rows: one code's stored closes equal the simulator's answer by code.
    const code = symbols[3]!;
    const stored = await standard.db.prisma.priceBar.findMany({
      where: { source: "jquants", symbol: `${code}.T` },
      orderBy: { ts: "asc" },
    });
    const simulated = (await (
      await fetch(`${sim.jquantsBaseUrl}/equities/bars/daily?code=${code}&from=${from}`, {
        headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
      })
    ).json()) as { data: { Date: string; C: number | null; Vo: number | null }[] };
    expect(
      stored.map((row) => ({ Date: row.ts.toISOString().slice(0, 10), C: row.close, Vo: Number(row.volume) })),
    ).toEqual(simulated.data.map(({ Date, C, Vo }) => ({ Date, C, Vo })));
    expect(
      new Set((await standard.db.prisma.priceBar.findMany({ select: { symbol: true } })).map((row) => row.symbol)),
    ).toEqual(new Set(symbols.map((symbol) => `${symbol}.T`)));
  });

  it("clips a Free key's batch to its window (12 weeks behind), by date, and says what it left out", async () => {
    const before = await sim.requests();
    const jobId = await startBulkJob(free, {
      provider: "jquants",
      symbols: codes.slice(0, 5),
      interval: "1d",
      period: "6mo",
    });
    const job = (await request(free.url).get(`/api/bulk/status/${jobId}`).expect(200)).body.job;
    expect(job.plan.skipped).toMatch(
      /trading days\) after the free plan's window \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/,
    );
    const twelveWeeksBack = new Date(Date.parse(tokyoDate(new Date())) - 84 * 86_400_000).toISOString().slice(0, 10);
    expect(job.plan.to <= twelveWeeksBack).toBe(true);
    expect(job.plan.requests_estimated).toBe(job.plan.units * 5);
    expect(((await sim.requests())[KINDS.list] ?? 0) - (before[KINDS.list] ?? 0)).toBe(0);
    await request(free.url).post(`/api/bulk/stop/${jobId}`).expect(200);

    const outside = await request(free.url)
      .post("/api/bulk/start")
      .send({ provider: "jquants", symbols: codes.slice(0, 5), from: shiftTradingDays(today, -5) })
      .expect(400);
    expect(outside.body.message).toMatch(/after the free plan's window/);
  });

  it("answers 400 naming the field for dates it cannot take", async () => {
    const start = (body: object) => request(standard.url).post("/api/bulk/start").send(body).expect(400);
    expect((await start({ all: true, from: "2026-02-30" })).body.message).toMatch(/from/);
    expect((await start({ all: true, from: "2026-03-02", to: "2026-03-01" })).body.message).toMatch(/'from'/);
    expect((await start({ all: true, to: "2026-03-01" })).body.message).toMatch(/'from'/);
    expect((await start({ all: true, period: "1y", from: "2026-03-01" })).body.message).toMatch(/'period'/);
    expect((await start({ all: true, from: "2999-01-01" })).body.message).toMatch(/'from'/);
  });
});
