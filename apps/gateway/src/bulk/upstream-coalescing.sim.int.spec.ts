import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startBulkJob, startTestGateway, waitForJob, type TestGateway } from "@kabuto/testkit";

const CHART = "yahoo:/v8/finance/chart";
const WORKER_ENV = { WORKER_CONCURRENCY: "8" };

async function chartRequests(sim: MarketSim): Promise<number> {
  return (await sim.requests())[CHART] ?? 0;
}

describe("overlapping batches and repeats share upstream answers (real processes, simulator)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 21, faults: { latencyMs: 40 } });
  });

  afterAll(async () => {
    await sim.close();
  });

  describe("with the cache on (UPSTREAM_CACHE_TTL_SECONDS=300)", () => {
    let gateway: TestGateway;

    beforeAll(async () => {
      gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
      await gateway.startWorker(sim, { ...WORKER_ENV, UPSTREAM_CACHE_TTL_SECONDS: "300" });
      await gateway.startWorker(sim, { ...WORKER_ENV, UPSTREAM_CACHE_TTL_SECONDS: "300" });
    });

    afterAll(async () => {
      await gateway.close();
    });

    it("fetches two identical 200-symbol batches in flight together once, and both store every row", async () => {
      const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 200);
      const before = await chartRequests(sim);
      const ids = await Promise.all([0, 1].map(() => startBulkJob(gateway, { symbols, period: "1mo" })));
      const jobs = await Promise.all(ids.map((id) => waitForJob(gateway, id)));
      const used = (await chartRequests(sim)) - before;
      console.warn(`two overlapping 200-symbol batches: ${used} Yahoo chart requests`);
      expect(used).toBeLessThanOrEqual(1.05 * 200);
      const stored = await gateway.db.prisma.priceBar.count();
      for (const job of jobs) {
        expect(job).toMatchObject({ status: "completed", progress: { processed: 200, successful: 200 } });
      }
      // A job's records are the rows it wrote new or changed: between them, every stored row once.
      expect(jobs.reduce((sum, job) => sum + job.summary!.records, 0)).toBe(stored);
      const perBatch = await gateway.db.prisma.batchExecutionDetail.groupBy({
        by: ["batchId"],
        where: { status: "completed" },
        _count: true,
      });
      expect(perBatch.map((batch) => batch._count)).toEqual([200, 200]);
    });

    it("answers a repeat within the TTL from the cache, without a request", async () => {
      const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 200);
      const before = await chartRequests(sim);
      const job = await waitForJob(gateway, await startBulkJob(gateway, { symbols, period: "1mo" }));
      expect(job).toMatchObject({ status: "completed", progress: { processed: 200, successful: 200 } });
      expect((await chartRequests(sim)) - before).toBe(0);
    });
  });

  describe("with the cache off (UPSTREAM_CACHE_TTL_SECONDS=0)", () => {
    let gateway: TestGateway;

    beforeAll(async () => {
      gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
      await gateway.startWorker(sim, { ...WORKER_ENV, UPSTREAM_CACHE_TTL_SECONDS: "0" });
    });

    afterAll(async () => {
      await gateway.close();
    });

    it("fetches a repeat again", async () => {
      const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(200, 250);
      const before = await chartRequests(sim);
      for (let run = 0; run < 2; run++) {
        const job = await waitForJob(gateway, await startBulkJob(gateway, { symbols, period: "1mo" }));
        expect(job).toMatchObject({ status: "completed", progress: { processed: 50, successful: 50 } });
      }
      expect((await chartRequests(sim)) - before).toBe(100);
    });
  });
});
