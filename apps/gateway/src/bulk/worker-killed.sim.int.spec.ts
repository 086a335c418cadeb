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
    const stored = await gateway.db.prisma.priceBar.findMany({ orderBy: [{ symbol: "asc" }, { ts: "asc" }] });
    // `records` counts rows written (new or changed): a unit whose worker died after storing its bars
    // finds them unchanged on its second run and adds nothing, so it may fall short, never over.
    expect(job.summary!.records).toBeLessThanOrEqual(stored.length);
    const storedCloses = new Map<string, (number | null)[]>();
    for (const bar of stored) storedCloses.set(bar.symbol, [...(storedCloses.get(bar.symbol) ?? []), bar.close]);
    expect(storedCloses).toEqual(await simulatedCloses(sim, symbols));
  });
});

/** Each symbol's daily closes over one month as the simulator serves them, oldest first (a halt's is null). */
async function simulatedCloses(sim: MarketSim, codes: string[]): Promise<Map<string, (number | null)[]>> {
  const series = await Promise.all(
    codes.map(async (code) => {
      const chart = (await (await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=1mo`)).json()) as {
        chart: { result: { indicators: { quote: { close: (number | null)[] }[] } }[] };
      };
      return [`${code}.T`, chart.chart.result[0]!.indicators.quote[0]!.close] as const;
    }),
  );
  return new Map(series);
}
