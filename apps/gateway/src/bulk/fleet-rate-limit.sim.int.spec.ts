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

const UPSTREAM_LIMIT = 1200;

describe("three worker processes share one Yahoo rate (real Redis, simulator limit)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let db: TestDatabase;
  let redis: TestRedis;
  let masterSync: MasterSyncQueue;
  let priceFetch: Queue;
  let app: ReturnType<typeof createApp>;
  const workers: SpawnedApp[] = [];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 9 });
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
    for (let index = 0; index < 3; index++) {
      const worker = spawnApp("worker", {
        DATABASE_URL: db.url,
        REDIS_URL: testServers().redisUrl,
        QUEUE_PREFIX: redis.prefix,
        YAHOO_BASE_URL: sim.yahooBaseUrl,
        YAHOO_REQUESTS_PER_MINUTE: String(UPSTREAM_LIMIT * 0.9),
        WORKER_CONCURRENCY: "8",
      });
      workers.push(worker);
      await worker.waitFor(/worker started/);
    }
  });

  afterAll(async () => {
    for (const worker of workers) worker.process.kill("SIGTERM");
    await Promise.all(workers.map((worker) => worker.exited()));
    await priceFetch.close();
    await masterSync.close();
    await redis.cleanup();
    await db.drop();
    await sim.close();
  });

  it("never draws a 429 from an upstream limited to the fleet's rate plus a margin", async () => {
    await sim.setFaults({ rateLimitPerMinute: UPSTREAM_LIMIT });
    const symbols = Array.from({ length: 150 }, (_, index) => String(1400 + index * 7));
    const id = (await request(app).post("/api/bulk/start").send({ symbols, period: "1mo" }).expect(202)).body
      .job_id as string;
    let job: { status: string; progress: { processed: number } };
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await request(app).get(`/api/bulk/status/${id}`).expect(200)).body.job;
    } while (!["completed", "failed", "cancelled"].includes(job.status));
    expect(job.progress.processed).toBe(150);
    const logs = workers.map((worker) => `${worker.stdout()}${worker.stderr()}`).join("\n");
    expect(logs).not.toMatch(/upstream rate limit/);
    expect((await sim.requests())["yahoo:/v8/finance/chart"]).toBe(150);
  });
});
