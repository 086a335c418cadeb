import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  JOB_FINISHED,
  simulatorCodes,
  startBulkJob,
  startJQuantsTestGateway,
  waitForJob,
  waitUntil,
  type BulkJob,
  type TestGateway,
} from "@kabuto/testkit";

const CHART = "yahoo:/v8/finance/chart";
const BARS = "jquants:/v2/equities/bars/daily";
const TOPIX = "jquants:/v2/indices/bars/daily/topix";
/** Listings in the master: the daily update's universe. */
const LISTINGS = 40;

describe("the daily update asks only for what is missing (real gateway, worker and simulator)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  const update = async (body: object): Promise<{ id: string; job: BulkJob }> => {
    const response = await fetch(`${gateway.url}/api/bulk/update`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const started = (await response.json()) as { job_id: string };
    expect(response.status).toBe(202);
    return { id: started.job_id, job: await waitForJob(gateway, started.job_id, JOB_FINISHED) };
  };

  const requestsDuring = async (run: () => Promise<unknown>) => {
    const before = await sim.requests();
    await run();
    const after = await sim.requests();
    return (endpoint: string) => (after[endpoint] ?? 0) - (before[endpoint] ?? 0);
  };

  const units = (batchId: string) =>
    gateway.db.prisma.batchExecutionDetail.findMany({ where: { batchId }, orderBy: { symbol: "asc" } });

  beforeAll(async () => {
    // After one advance-day the simulator stands on the last trading day up to today, as Kabuto's clock does.
    const today = tokyoDate(new Date());
    const lastTradingDay = isTradingDay(today) ? today : shiftTradingDays(today, -1);
    sim = await startMarketSim({
      seed: 33,
      baseDate: shiftTradingDays(lastTradingDay, -1),
      jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" },
    });
    gateway = await startJQuantsTestGateway(sim, { apiKey: DEFAULT_JQUANTS_KEY, plan: "premium" });
    codes = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(100, 100 + LISTINGS + 1);
    await gateway.db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       SELECT code, 'listing ' || code, true, 'jpx', now() FROM unnest($1::text[]) AS code`,
      [codes.slice(0, LISTINGS)],
    );
    for (const body of [
      { all: true, interval: "1d", period: "1mo" },
      { all: true, provider: "jquants", interval: "1d", period: "5d" },
    ]) {
      const job = await waitForJob(gateway, await startBulkJob(gateway, body), JOB_FINISHED);
      expect(job).toMatchObject({ status: "completed", progress: { failed: 0 } });
    }
    await sim.advanceDay();
  });

  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  it("Yahoo: one request per listing from its last bar on, the new day's bar written, a new listing five days", async () => {
    const newcomer = `${codes[LISTINGS]!}.T`;
    await gateway.db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at) VALUES ($1, 'newcomer', true, 'jpx', now())`,
      [codes[LISTINGS]],
    );
    let run: { id: string; job: BulkJob } | undefined;
    const requests = await requestsDuring(async () => (run = await update({ provider: "yahoo" })));
    const { id, job } = run!;
    const listings = LISTINGS + 1;
    expect(job).toMatchObject({ status: "completed", progress: { total: listings, failed: 0 } });
    expect(requests(CHART)).toBe(listings);
    const written = job.summary!.records;
    expect(written).toBeLessThanOrEqual(1.2 * LISTINGS + 5);

    const byUnit = new Map((await units(id)).map((unit) => [unit.symbol, unit.recordsInserted]));
    expect(byUnit.get(newcomer)).toBe(5);
    byUnit.delete(newcomer);
    // the day's new bar; the last stored bar, fetched again unchanged, is not rewritten
    expect([...byUnit.values()]).toEqual(Array.from({ length: LISTINGS }, () => 1));
    const { rows } = await gateway.db.pool.query<{ day: string; symbols: number }>(
      `SELECT to_char(max(ts), 'YYYY-MM-DD') AS day, count(DISTINCT symbol)::int AS symbols
       FROM price_bars WHERE source = 'yahoo' GROUP BY symbol = $1`,
      [newcomer],
    );
    const state = (await (await fetch(`${sim.url}/__admin/state`)).json()) as { date: string };
    expect(rows.map((row) => row.day)).toEqual([state.date, state.date]);
    process.stdout.write(
      `daily update (Yahoo), ${LISTINGS} listings with bars + 1 without: ${requests(CHART)} chart requests, ${written} rows written\n`,
    );

    const again = await requestsDuring(async () => (run = await update({ provider: "yahoo" })));
    expect(again(CHART)).toBe(listings);
    expect(run!.job.summary!.records).toBe(0);
  });

  it("J-Quants: the pages of the one missing date for the whole market, and TOPIX", async () => {
    const before = await sim.requests();
    const { id, job } = await update({ provider: "jquants" });
    const state = (await (await fetch(`${sim.url}/__admin/state`)).json()) as { date: string; listings: number };
    expect(job).toMatchObject({ status: "completed", unit: "dates", progress: { total: 1, failed: 0 } });
    expect((await units(id)).map((unit) => unit.symbol)).toEqual([state.date]);
    // TOPIX and investor types come in a job beside the batch's
    const after = await waitUntil(
      "the daily update's TOPIX request",
      () => sim.requests(),
      (counts) => (counts[TOPIX] ?? 0) > (before[TOPIX] ?? 0),
      { timeoutMs: 30_000 },
    );
    const requests = (endpoint: string) => (after[endpoint] ?? 0) - (before[endpoint] ?? 0);
    expect(requests(BARS)).toBe(Math.ceil(state.listings / 1000));
    expect(requests(TOPIX)).toBe(1);
    process.stdout.write(
      `daily update (J-Quants): ${requests(BARS)} daily-bar pages for one date, ${requests(TOPIX)} TOPIX request\n`,
    );
  });
});
