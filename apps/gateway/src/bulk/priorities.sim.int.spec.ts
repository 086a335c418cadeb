import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  JOB_FINISHED,
  bulkStatus,
  processedAtLeast,
  simulatorCodes,
  startBulkJob,
  startTestGateway,
  waitForJob,
  type TestGateway,
} from "@kabuto/testkit";

/** Each simulated Yahoo answer takes this long: the backfill is latency-bound, as against the real Yahoo. */
const LATENCY_MS = 40;
const BACKFILL_SYMBOLS = 1_000;
const DAILY_LISTINGS = 20;
/** How soon the daily update's first unit must be done while the backfill holds every worker. */
const START_WITHIN_MS = 5_000;

describe("priorities: the daily update and small batches outrank a backfill (two worker processes, simulator latency)", () => {
  jest.setTimeout(180_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 35, faults: { latencyMs: LATENCY_MS } });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    for (let index = 0; index < 2; index++) await gateway.startWorker(sim, { WORKER_CONCURRENCY: "3" });
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
    await gateway.db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       SELECT code, 'listing ' || code, true, 'jpx', now() FROM unnest($1::text[]) AS code`,
      [codes.slice(-DAILY_LISTINGS)],
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  const startedWithin = async (jobId: string, since: number) => {
    await waitForJob(gateway, jobId, processedAtLeast(1));
    return Date.now() - since;
  };

  it("starts a 19:00-style update and a small manual batch within seconds while a backfill runs, and all finish", async () => {
    const backfill = await startBulkJob(gateway, {
      symbols: codes.slice(0, BACKFILL_SYMBOLS),
      interval: "1d",
      period: "1mo",
    });
    await waitForJob(gateway, backfill, processedAtLeast(30));

    const updateAt = Date.now();
    const response = await fetch(`${gateway.url}/api/bulk/update`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "yahoo" }),
    });
    expect(response.status).toBe(202);
    const daily = ((await response.json()) as { job_id: string }).job_id;
    const dailyStart = await startedWithin(daily, updateAt);

    const manualAt = Date.now();
    const manual = await startBulkJob(gateway, { symbols: codes.slice(-40, -30), interval: "1d", period: "1mo" });
    const manualStart = await startedWithin(manual, manualAt);

    const dailyDone = await waitForJob(gateway, daily, JOB_FINISHED);
    const manualDone = await waitForJob(gateway, manual, JOB_FINISHED);
    const backfillThen = await bulkStatus(gateway, backfill);
    expect(dailyDone).toMatchObject({ status: "completed", progress: { total: DAILY_LISTINGS } });
    expect(manualDone).toMatchObject({ status: "completed", progress: { total: 10 } });
    // both went past the backfill's waiting units instead of queueing behind them
    expect(backfillThen.progress.processed).toBeLessThan(BACKFILL_SYMBOLS);

    const backfillDone = await waitForJob(gateway, backfill, JOB_FINISHED);
    expect(backfillDone).toMatchObject({ status: "completed", progress: { processed: BACKFILL_SYMBOLS } });
    process.stdout.write(
      `priorities: daily update's first unit ${dailyStart} ms, small batch's ${manualStart} ms after their start, ` +
        `backfill at ${backfillThen.progress.processed}/${BACKFILL_SYMBOLS} when both had finished\n`,
    );
    expect(dailyStart).toBeLessThan(START_WITHIN_MS);
    expect(manualStart).toBeLessThan(START_WITHIN_MS);
  });
});
