import type { Queue } from "bullmq";
import request from "supertest";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
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
  progress: { total: number; processed: number; successful: number };
  summary?: object;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pause, resume and stop with a live worker (simulator latency 50 ms)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let db: TestDatabase;
  let redis: TestRedis;
  let masterSync: MasterSyncQueue;
  let priceFetch: Queue;
  let app: ReturnType<typeof createApp>;
  let worker: SpawnedApp;
  let codes: string[];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 17, faults: { latencyMs: 50 } });
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
      YAHOO_REQUESTS_PER_MINUTE: "1000000",
      WORKER_CONCURRENCY: "4",
    });
    await worker.waitFor(/worker started/);
    const master = (await (
      await fetch(`${sim.jquantsBaseUrl}/equities/master`, { headers: { "x-api-key": DEFAULT_JQUANTS_KEY } })
    ).json()) as {
      data: { Code: string }[];
    };
    codes = master.data.map((row) => row.Code.slice(0, 4));
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

  const status = async (id: string) => (await request(app).get(`/api/bulk/status/${id}`).expect(200)).body.job as Job;
  const start = async (symbols: string[]) =>
    (await request(app).post("/api/bulk/start").send({ symbols, period: "1mo" }).expect(202)).body.job_id as string;

  it("pause holds new symbols within a second; resume finishes exactly the rest; stop cancels one batch only", async () => {
    const paused = await start(codes.slice(0, 200));
    const other = await start(codes.slice(200, 260));
    while ((await status(paused)).progress.processed < 20) await sleep(50);
    await request(app).post(`/api/bulk/pause/${paused}`).expect(200);
    await sleep(1000);
    const held = (await status(paused)).progress.processed;
    await sleep(1500);
    expect((await status(paused)).progress.processed).toBe(held);
    expect(held).toBeLessThan(200);

    const stopped = await start(codes.slice(260, 460));
    while ((await status(stopped)).progress.processed < 5) await sleep(50);
    expect((await request(app).post(`/api/bulk/stop/${stopped}`).expect(200)).body.job.status).toBe("cancel_requested");

    await request(app).post(`/api/bulk/resume/${paused}`).expect(200);
    let job: Job;
    do {
      await sleep(200);
      job = await status(paused);
    } while (!job.summary);
    expect(job).toMatchObject({ status: "completed", progress: { total: 200, processed: 200, successful: 200 } });
    const attempts = await db.prisma.batchExecutionDetail.aggregate({
      where: { batchId: paused },
      _max: { attempts: true },
    });
    expect(attempts._max.attempts).toBe(1);

    let cancelled: Job;
    do {
      await sleep(200);
      cancelled = await status(stopped);
    } while (cancelled.status === "cancel_requested");
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.progress.processed).toBeLessThan(200);
    expect(await db.prisma.batchExecutionDetail.count({ where: { batchId: stopped, status: "cancelled" } })).toBe(
      200 - cancelled.progress.processed,
    );

    let untouched: Job;
    do {
      await sleep(200);
      untouched = await status(other);
    } while (!untouched.summary);
    expect(untouched).toMatchObject({ status: "completed", progress: { processed: 60, successful: 60 } });
  });
});
