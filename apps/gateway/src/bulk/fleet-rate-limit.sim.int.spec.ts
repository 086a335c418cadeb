import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  simulatorCodes,
  startBulkJob,
  startTestGateway,
  waitForJob,
  type SpawnedApp,
  type TestGateway,
} from "@kabuto/testkit";

const UPSTREAM_LIMIT = 1200;

describe("three worker processes share one Yahoo rate (real Redis, simulator limit)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  const workers: SpawnedApp[] = [];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 9 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    for (let index = 0; index < 3; index++) {
      workers.push(
        await gateway.startWorker(sim, {
          YAHOO_REQUESTS_PER_MINUTE: String(UPSTREAM_LIMIT * 0.9),
          WORKER_CONCURRENCY: "8",
        }),
      );
    }
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("never draws a 429 from an upstream limited to the fleet's rate plus a margin", async () => {
    const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 150);
    await sim.setFaults({ rateLimitPerMinute: UPSTREAM_LIMIT });
    const job = await waitForJob(gateway, await startBulkJob(gateway, { symbols, period: "1mo" }));
    expect(job).toMatchObject({ status: "completed", progress: { processed: 150, successful: 150 } });
    const logs = workers.map((worker) => `${worker.stdout()}${worker.stderr()}`).join("\n");
    expect(logs).not.toMatch(/upstream rate limit/);
    expect((await sim.requests())["yahoo:/v8/finance/chart"]).toBe(150);
  });
});
