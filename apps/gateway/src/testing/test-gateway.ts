import request from "supertest";

import type { MarketSim } from "@kabuto/market-sim";
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

import { createQueueRepository, type QueueRepository } from "@kabuto/queue";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

/** A bulk job as the status route returns it. */
export interface BulkJob {
  status: string;
  progress: { total: number; processed: number; successful: number; failed: number };
  summary?: { successful: number; failed: number; records: number; failures_by_class: Record<string, number> };
}

/** The gateway app in-process on a database and Redis prefix of its own, plus worker processes. */
export interface TestGateway {
  app: ReturnType<typeof createApp>;
  db: TestDatabase;
  redis: TestRedis;
  queues: QueueRepository;
  schedulesChanged: string[];
  /** Starts a built worker process on the same database and prefix, talking to the simulator. */
  startWorker(sim: MarketSim, env?: Record<string, string>): Promise<SpawnedApp>;
  /** Stops the workers, then closes queues, Redis and the database. */
  close(): Promise<void>;
}

export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
  const schedulesChanged: string[] = [];
  const workers: SpawnedApp[] = [];
  const app = createApp({
    config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix, ...env }),
    logger: testLogger(),
    db,
    redis: redis.connection,
    queues,
    onScheduleChanged: async () => schedulesChanged.push("master_sync"),
  });
  return {
    app,
    db,
    redis,
    queues,
    schedulesChanged,
    async startWorker(sim, workerEnv = {}) {
      const worker = spawnApp("worker", {
        DATABASE_URL: db.url,
        REDIS_URL: testServers().redisUrl,
        QUEUE_PREFIX: redis.prefix,
        YAHOO_BASE_URL: sim.yahooBaseUrl,
        JPX_LIST_URL: sim.jpxListUrl,
        JQUANTS_BASE_URL: sim.jquantsBaseUrl,
        YAHOO_REQUESTS_PER_MINUTE: "1000000",
        ...workerEnv,
      });
      workers.push(worker);
      await worker.waitFor(/worker started/);
      return worker;
    },
    async close() {
      for (const worker of workers) {
        if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill("SIGTERM");
      }
      await Promise.all(workers.map((worker) => worker.exited()));
      await queues.close();
      await redis.cleanup();
      await db.drop();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a bulk job and returns its id. */
export async function startBulkJob(gateway: TestGateway, body: object): Promise<string> {
  return (await request(gateway.app).post("/api/bulk/start").send(body).expect(202)).body.job_id as string;
}

export async function bulkStatus(gateway: TestGateway, id: string): Promise<BulkJob> {
  return (await request(gateway.app).get(`/api/bulk/status/${id}`).expect(200)).body.job as BulkJob;
}

/** Polls a job until `done` says so. */
export async function waitForJob(
  gateway: TestGateway,
  id: string,
  done: (job: BulkJob) => boolean = (job) => job.summary !== undefined,
) {
  for (;;) {
    const job = await bulkStatus(gateway, id);
    if (done(job)) return job;
    await sleep(100);
  }
}

/** Listing codes of the simulator's master, first page (1,000, sorted). */
export async function simulatorCodes(sim: MarketSim, apiKey: string): Promise<string[]> {
  const master = (await (
    await fetch(`${sim.jquantsBaseUrl}/equities/master`, { headers: { "x-api-key": apiKey } })
  ).json()) as {
    data: { Code: string }[];
  };
  return master.data.map((row) => (row.Code.length === 5 && row.Code.endsWith("0") ? row.Code.slice(0, 4) : row.Code));
}
