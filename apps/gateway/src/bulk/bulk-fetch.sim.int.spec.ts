import type { Queue } from "bullmq";
import request from "supertest";

import { startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  createTestDatabase,
  createTestRedis,
  spawnApp,
  testLogger,
  testServers,
  type SpawnedApp,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";
import { createMasterSyncQueue, type MasterSyncQueue } from "../master-sync/master-sync-queue";
import { createPriceFetchQueue } from "./price-fetch-queue";

interface Job {
  status: string;
  progress: { total: number; processed: number; successful: number; failed: number };
  summary?: { successful: number; failed: number; records: number; failures_by_class: Record<string, number> };
}

describe("bulk fetch against the simulator: gateway in-process, a real worker process", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let db: TestDatabase;
  let redis: TestRedis;
  let masterSync: MasterSyncQueue;
  let priceFetch: Queue;
  let worker: SpawnedApp;
  let app: ReturnType<typeof createApp>;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 5 });
    db = await createTestDatabase();
    redis = createTestRedis();
    masterSync = createMasterSyncQueue(redis.connection, redis.prefix);
    priceFetch = createPriceFetchQueue(redis.connection, redis.prefix);
    app = createApp({
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix, RATE_LIMIT_PER_MINUTE: "100000" }),
      logger: testLogger(),
      db,
      redis: redis.connection,
      masterSync,
      priceFetch,
      onScheduleChanged: async () => undefined,
    });
    worker = spawnApp("worker", {
      DATABASE_URL: db.url,
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: redis.prefix,
      YAHOO_BASE_URL: sim.yahooBaseUrl,
      JPX_LIST_URL: sim.jpxListUrl,
      UPSTREAM_TIMEOUT_MS: "8000",
      YAHOO_REQUESTS_PER_MINUTE: "1000000",
      WORKER_CONCURRENCY: "16",
    });
    await worker.waitFor(/worker started/);
    const master = await request(app).post("/api/stock-master/update").expect(200);
    expect(master.body.update_summary.total_stocks).toBeGreaterThan(4300);
    codes = (
      await db.prisma.company.findMany({
        where: { isActive: true, marketCode: "0111" },
        orderBy: { code: "asc" },
        take: 300,
      })
    ).map((company) => company.code);
  });

  afterAll(async () => {
    worker.process.kill("SIGTERM");
    await worker.exited();
    await priceFetch.close();
    await masterSync.close();
    await redis.cleanup();
    await db.drop();
    await sim.close();
  });

  async function runToEnd(body: object): Promise<{ id: string; job: Job }> {
    const id = (await request(app).post("/api/bulk/start").send(body).expect(202)).body.job_id as string;
    for (;;) {
      const job = (await request(app).get(`/api/bulk/status/${id}`).expect(200)).body.job as Job;
      if (job.summary) return { id, job };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it("stores every bar of a 200-symbol batch once, with the simulator's exact closes", async () => {
    const { job } = await runToEnd({ symbols: codes.slice(0, 200), interval: "1d", period: "3mo" });
    expect(job).toMatchObject({
      status: "completed",
      progress: { total: 200, processed: 200, successful: 200, failed: 0 },
    });
    expect(await db.prisma.priceBar.count()).toBe(job.summary!.records);
    for (const code of [codes[0]!, codes[77]!, codes[199]!]) {
      const simulated = (await (await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=3mo`)).json()) as {
        chart: { result: { indicators: { quote: { close: (number | null)[] }[] } }[] };
      };
      const expected = simulated.chart.result[0]!.indicators.quote[0]!.close.filter((close) => close !== null);
      const stored = (await request(app).get(`/api/v1/prices/${code}`).query({ interval: "1d" }).expect(200)).body
        .bars as { close: number }[];
      expect(stored.map((bar) => bar.close)).toEqual(expected);
    }
  });

  it("with 10 % 5xx and some hung requests, stores every fetchable symbol; unknown ones fail as permanent", async () => {
    await sim.setFaults({ errorRate: 0.1, hangRate: 0.02 });
    try {
      const symbols = [...codes.slice(200, 300), "0001", "0002.T"];
      const { job } = await runToEnd({ symbols, interval: "1d", period: "1mo" });
      expect(job).toMatchObject({
        status: "completed",
        progress: { total: 102, processed: 102, successful: 100, failed: 2 },
      });
      expect(job.summary!.failures_by_class).toEqual({ permanent: 2 });
      const stored = await db.prisma.priceBar.groupBy({
        by: ["symbol"],
        where: { symbol: { in: codes.slice(200, 300).map((code) => `${code}.T`) } },
      });
      expect(stored).toHaveLength(100);
    } finally {
      await sim.setFaults({});
    }
  });
});
