import { SYSTEM_PAUSE_REASON, createBatchControl, priceSourcesFrom } from "@kabuto/batches";
import { batchProgressPublisher } from "@kabuto/db";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  bulkStatus,
  processedAtLeast,
  simulatorCodes,
  simulatorTradedCloses,
  spawnApp,
  startBulkJob,
  startPrivateServers,
  startTestGateway,
  statusOtherThan,
  testLogger,
  waitForJob,
  type PrivateServers,
  type SpawnedApp,
  type TestGateway,
} from "@kabuto/testkit";
import { createQueueRepository } from "@kabuto/queue";

import { loadGatewayConfig } from "../env";

/** Upstream misbehaviour during the batch: answered 503, reset, or cut mid-JSON. */
const UPSTREAM_FAULTS = { latencyMs: 60, jitterMs: 60, errorRate: 0.03, resetRate: 0.01, malformedRate: 0.01 };
const SYMBOLS = 400;
const OUTAGE_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(app: SpawnedApp): boolean {
  return app.process.exitCode === null && app.process.signalCode === null;
}

/** Every status the batch showed, read every 200 ms through the gateway (reads during an outage fail and are skipped). */
function watchStatuses(gateway: TestGateway, id: string) {
  const seen = new Set<string>();
  const timer = setInterval(() => {
    bulkStatus(gateway, id).then(
      (job) => seen.add(job.status),
      () => undefined,
    );
  }, 200);
  return {
    seen,
    stop: () => clearInterval(timer),
  };
}

/** Each symbol's stored closes by date, as the worker wrote them. */
async function storedCloses(gateway: TestGateway): Promise<Map<string, Map<string, number | null>>> {
  const { rows } = await gateway.db.pool.query<{ symbol: string; date: string; close: number | null }>(
    `SELECT symbol, to_char(ts AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS date, close
       FROM price_bars WHERE source = 'yahoo' ORDER BY symbol, ts`,
  );
  const bySymbol = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const closes = bySymbol.get(row.symbol) ?? new Map<string, number | null>();
    closes.set(row.date, row.close);
    bySymbol.set(row.symbol, closes);
  }
  return bySymbol;
}

describe("faults on every side at once (real processes, a Redis and a PostgreSQL of this test's own)", () => {
  jest.setTimeout(180_000);
  let servers: PrivateServers;
  let sim: MarketSim;

  beforeAll(async () => {
    servers = await startPrivateServers();
    // Premium: the check reads every symbol's bars as traded from J-Quants, within one minute's limit.
    sim = await startMarketSim({
      seed: 29,
      faults: UPSTREAM_FAULTS,
      jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" },
    });
  });

  afterAll(async () => {
    await sim?.close();
    await servers?.close();
  });

  it("a batch survives kill -9 of a worker, a Redis restart, a PostgreSQL restart and a 10 s outage: nothing lost, no resume", async () => {
    const gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "1000000" }, servers);
    const others = [
      spawnApp("progress", { ...gateway.serverEnv, PROGRESS_PORT: "0" }),
      spawnApp("scheduler", gateway.serverEnv),
    ];
    try {
      await others[0]!.waitFor(/progress listening/);
      await others[1]!.waitFor(/scheduler started/);
      const workerEnv = { WORKER_CONCURRENCY: "4", WORKER_LOCK_MS: "2000", UPSTREAM_TIMEOUT_MS: "3000" };
      const doomed = await gateway.startWorker(sim, workerEnv);
      const survivor = await gateway.startWorker(sim, workerEnv);
      const symbols = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, SYMBOLS);
      const id = await startBulkJob(gateway, { symbols, period: "1y" });
      const statuses = watchStatuses(gateway, id);

      await waitForJob(gateway, id, processedAtLeast(SYMBOLS * 0.1));
      doomed.process.kill("SIGKILL");
      expect(await doomed.exited()).toEqual({ code: null, signal: "SIGKILL" });
      await waitForJob(gateway, id, processedAtLeast(SYMBOLS * 0.25));
      await servers.restartRedis();
      await waitForJob(gateway, id, processedAtLeast(SYMBOLS * 0.4));
      await servers.restartPostgres();
      await waitForJob(gateway, id, processedAtLeast(SYMBOLS * 0.55));
      await servers.stopPostgres();
      await sleep(OUTAGE_MS);
      await servers.startPostgres();
      const job = await waitForJob(gateway, id);
      statuses.stop();

      expect(job).toMatchObject({ status: "completed", progress: { total: SYMBOLS, processed: SYMBOLS, failed: 0 } });
      expect([...statuses.seen]).not.toContain("paused");
      const stillRunning = [gateway.process, survivor, ...others].filter((app) => !alive(app));
      expect(stillRunning.map((app) => app.stderr().slice(-500))).toEqual([]);
      for (const app of [gateway.process, survivor, ...others]) {
        expect(`${app.stdout()}${app.stderr()}`).not.toMatch(/Unhandled error event/);
      }

      await sim.setFaults({});
      const stored = await storedCloses(gateway);
      expect([...stored.keys()].sort()).toEqual(symbols.map((code) => `${code}.T`).sort());
      for (const [symbol, closes] of stored) {
        const [first] = closes.keys();
        const traded = await simulatorTradedCloses(sim, DEFAULT_JQUANTS_KEY, symbol.slice(0, -2), first!);
        expect([symbol, closes]).toEqual([symbol, traded]);
      }
    } finally {
      for (const app of others) if (alive(app)) app.process.kill("SIGTERM");
      await Promise.all(others.map((app) => app.exited()));
      await gateway.close();
    }
  });

  it("a longer outage pauses the batch it met; a scheduled one then resumes by itself, a person's waits", async () => {
    // Every request takes 1.5 s, so the batch has units in flight when the database goes.
    await sim.setFaults({ latencyMs: 1_500 });
    const gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "1000000" }, servers);
    const scheduler = spawnApp("scheduler", { ...gateway.serverEnv, SYSTEM_RESUME_AFTER_MS: "2000" });
    const outageWhileRunning = async (id: string) => {
      await waitForJob(gateway, id, statusOtherThan("queued"));
      await servers.stopPostgres();
      await sleep(4_000);
      await servers.startPostgres();
    };
    try {
      await scheduler.waitFor(/scheduler started/);
      await gateway.startWorker(sim, { WORKER_CONCURRENCY: "4", SYSTEM_PAUSE_AFTER_MS: "2000" });
      const codes = (await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 32);

      const manual = await startBulkJob(gateway, { symbols: codes.slice(0, 16), period: "1mo" });
      await outageWhileRunning(manual);
      expect(await waitForJob(gateway, manual, statusOtherThan("running"))).toMatchObject({ status: "paused" });
      const { rows } = await gateway.db.pool.query<{ error: string }>(
        "SELECT error FROM batch_executions WHERE id = $1",
        [manual],
      );
      expect(rows[0]!.error).toMatch(new RegExp(`^${SYSTEM_PAUSE_REASON} for \\d+ s`));

      await gateway.db.pool.query(
        `INSERT INTO companies (code, company_name, is_active, source, updated_at)
         SELECT code, 'listing ' || code, true, 'jpx', now() FROM unnest($1::text[]) AS code`,
        [codes.slice(16)],
      );
      const scheduled = await startScheduledDailyUpdate(gateway, sim);
      await outageWhileRunning(scheduled);
      expect(await waitForJob(gateway, scheduled)).toMatchObject({
        status: "completed",
        progress: { total: 16, successful: 16 },
      });
      expect(scheduler.stdout()).toMatch(/scheduled batch resumed after a database outage/);
      expect(await bulkStatus(gateway, manual)).toMatchObject({
        status: "paused",
        progress: { processed: expect.any(Number) },
      });
      expect((await bulkStatus(gateway, manual)).progress.processed).toBeLessThan(16);
    } finally {
      await sim.setFaults({});
      scheduler.process.kill("SIGTERM");
      await scheduler.exited();
      await gateway.close();
    }
  });
});

/** A daily update of every active listing, started the way the 19:00 schedule starts it. */
async function startScheduledDailyUpdate(gateway: TestGateway, sim: MarketSim): Promise<string> {
  const logger = testLogger();
  const queues = createQueueRepository({ connection: gateway.redis.connection, prefix: gateway.redis.prefix, logger });
  const config = loadGatewayConfig({ ...gateway.serverEnv, YAHOO_BASE_URL: sim.yahooBaseUrl });
  const batches = createBatchControl({
    db: gateway.db,
    queues,
    sources: priceSourcesFrom({ prisma: gateway.db.prisma, upstream: config.upstream, encryptionKey: undefined }),
    progress: batchProgressPublisher({
      pool: gateway.db.pool,
      publish: async () => undefined,
      onError: () => undefined,
    }),
    logger,
  });
  try {
    return (await batches.start({ provider: "yahoo", interval: "1d", period: "1mo", daily: true })).id;
  } finally {
    await queues.close();
  }
}
