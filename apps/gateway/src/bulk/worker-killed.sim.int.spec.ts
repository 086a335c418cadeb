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

describe("a worker killed mid-batch (real processes, SIGKILL)", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let db: TestDatabase;
  let redis: TestRedis;
  let masterSync: MasterSyncQueue;
  let priceFetch: Queue;
  let app: ReturnType<typeof createApp>;
  const workers: SpawnedApp[] = [];

  const startWorker = async () => {
    const worker = spawnApp("worker", {
      DATABASE_URL: db.url,
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: redis.prefix,
      YAHOO_BASE_URL: sim.yahooBaseUrl,
      YAHOO_REQUESTS_PER_MINUTE: "1000000",
      WORKER_CONCURRENCY: "8",
      WORKER_LOCK_MS: "2000",
    });
    workers.push(worker);
    await worker.waitFor(/worker started/);
    return worker;
  };

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 13, faults: { latencyMs: 40 } });
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
  });

  afterAll(async () => {
    for (const worker of workers)
      if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill("SIGTERM");
    await Promise.all(workers.map((worker) => worker.exited()));
    await priceFetch.close();
    await masterSync.close();
    await redis.cleanup();
    await db.drop();
    await sim.close();
  });

  it("the batch still completes on the other worker, every bar once", async () => {
    const doomed = await startWorker();
    await startWorker();
    const master = (await (
      await fetch(`${sim.jquantsBaseUrl}/equities/master`, { headers: { "x-api-key": DEFAULT_JQUANTS_KEY } })
    ).json()) as {
      data: { Code: string }[];
    };
    const symbols = master.data.slice(0, 200).map((row) => row.Code.slice(0, 4));
    const id = (await request(app).post("/api/bulk/start").send({ symbols, period: "1mo" }).expect(202)).body
      .job_id as string;
    let job: { status: string; progress: { processed: number; successful: number }; summary?: { records: number } };
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await request(app).get(`/api/bulk/status/${id}`).expect(200)).body.job;
    } while (job.progress.processed < 40);
    doomed.process.kill("SIGKILL");
    expect(await doomed.exited()).toEqual({ code: null, signal: "SIGKILL" });
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await request(app).get(`/api/bulk/status/${id}`).expect(200)).body.job;
    } while (!job.summary);
    expect(job).toMatchObject({ status: "completed", progress: { processed: 200, successful: 200 } });
    const rows = await db.pool.query<{ total: number; distinct: number }>(
      "SELECT count(*)::int AS total, count(DISTINCT (symbol, interval, ts))::int AS distinct FROM price_bars",
    );
    expect(rows.rows[0]!.total).toBe(rows.rows[0]!.distinct);
    expect(rows.rows[0]!.total).toBe(job.summary!.records);
  });
});
