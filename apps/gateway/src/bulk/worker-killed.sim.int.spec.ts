import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  processedAtLeast,
  simulatorCodes,
  startBulkJob,
  startTestGateway,
  waitForJob,
  type TestGateway,
} from "@kabuto/testkit";

describe("a worker killed mid-batch (real processes, SIGKILL)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 13, faults: { latencyMs: 40 } });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("the batch still completes on the other worker, every bar once", async () => {
    const workerEnv = { WORKER_CONCURRENCY: "8", WORKER_LOCK_MS: "2000" };
    const doomed = await gateway.startWorker(sim, workerEnv);
    await gateway.startWorker(sim, workerEnv);
    const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 200);
    const id = await startBulkJob(gateway, { symbols, period: "1mo" });
    await waitForJob(gateway, id, processedAtLeast(40));
    doomed.process.kill("SIGKILL");
    expect(await doomed.exited()).toEqual({ code: null, signal: "SIGKILL" });
    const job = await waitForJob(gateway, id);
    expect(job).toMatchObject({ status: "completed", progress: { processed: 200, successful: 200 } });
    const rows = await gateway.db.pool.query<{ total: number; distinct: number }>(
      "SELECT count(*)::int AS total, count(DISTINCT (symbol, interval, ts))::int AS distinct FROM price_bars",
    );
    expect(rows.rows[0]!.total).toBe(rows.rows[0]!.distinct);
    expect(rows.rows[0]!.total).toBe(job.summary!.records);
  });
});
