import request from "supertest";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { simulatorCodes, startBulkJob, startTestGateway, waitForJob, type TestGateway } from "@kabuto/testkit";

describe("bulk fetch against the simulator: the gateway and a worker as real processes", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 5 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    await gateway.startWorker(sim, { UPSTREAM_TIMEOUT_MS: "8000", WORKER_CONCURRENCY: "16" });
    // The simulator builds its xls once a day (seconds on a busy machine): build it before the sync.
    await (await fetch(sim.jpxListUrl)).arrayBuffer();
    const master = await request(gateway.url).post("/api/stock-master/update").expect(200);
    expect(master.body.update_summary.total_stocks).toBeGreaterThan(4300);
    codes = await simulatorCodes(sim, DEFAULT_JQUANTS_KEY);
  });

  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("stores every bar of a 200-symbol batch once, with the simulator's exact closes", async () => {
    const job = await waitForJob(
      gateway,
      await startBulkJob(gateway, { symbols: codes.slice(0, 200), interval: "1d", period: "3mo" }),
    );
    expect(job).toMatchObject({
      status: "completed",
      progress: { total: 200, processed: 200, successful: 200, failed: 0 },
    });
    expect(await gateway.db.prisma.priceBar.count()).toBe(job.summary!.records);
    for (const code of [codes[0]!, codes[77]!, codes[199]!]) {
      const simulated = (await (await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=3mo`)).json()) as {
        chart: { result: { indicators: { quote: { close: (number | null)[] }[] } }[] };
      };
      // every trading day, a halt's null close included
      const expected = simulated.chart.result[0]!.indicators.quote[0]!.close;
      const stored = (await request(gateway.url).get(`/api/v1/prices/${code}`).query({ interval: "1d" }).expect(200))
        .body.bars as {
        close: number | null;
      }[];
      expect(stored.map((bar) => bar.close)).toEqual(expected);
    }
  });

  it("with 10 % 5xx and some hung requests, stores every fetchable symbol; unknown ones fail as permanent", async () => {
    await sim.setFaults({ errorRate: 0.1, hangRate: 0.02 });
    try {
      const symbols = [...codes.slice(200, 300), "0001", "0002.T"];
      const job = await waitForJob(gateway, await startBulkJob(gateway, { symbols, interval: "1d", period: "1mo" }));
      expect(job).toMatchObject({
        status: "completed",
        progress: { total: 102, processed: 102, successful: 100, failed: 2 },
      });
      expect(job.summary!.failures_by_class).toEqual({ permanent: 2 });
      const history = await request(gateway.url).get("/api/bulk/jobs").expect(200);
      expect(history.body.jobs[0].summary.failures_by_class).toEqual({ permanent: 2 });
      const stored = await gateway.db.prisma.priceBar.groupBy({
        by: ["symbol"],
        where: { symbol: { in: codes.slice(200, 300).map((code) => `${code}.T`) } },
      });
      expect(stored).toHaveLength(100);
    } finally {
      await sim.setFaults({});
    }
  });
});
