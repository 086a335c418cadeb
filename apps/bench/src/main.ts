import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import { createDatabase } from "@kabuto/db";
import { startMarketSim } from "@kabuto/market-sim";
import { spawnApp, testServers, type SpawnedApp } from "@kabuto/testkit";

import { bullmqBaseline, copyBaseline } from "./baselines";
import { freshBenchDatabase } from "./bench-database";

const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PERIOD = process.env.BENCH_PERIOD ?? "1y";

interface Job {
  status: string;
  progress: { total: number; processed: number };
  summary?: { successful: number; failed: number; records: number };
}

async function api<T>(gateway: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/**
 * `npm run bench`: the whole simulated market (about 4,400 listings × 1 year of daily bars) through
 * the real stack (gateway + worker processes + PostgreSQL + Redis), then, in the same run, a raw
 * PostgreSQL COPY of the same rows and raw BullMQ no-op jobs as baselines, printed as ratios.
 */
async function main() {
  const servers = testServers();
  const databaseUrl = await freshBenchDatabase(servers.databaseUrl, "kabuto_bench");
  const prefix = `bench-${randomBytes(3).toString("hex")}`;
  const sim = await startMarketSim({ seed: 20260601 });
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: servers.redisUrl,
    QUEUE_PREFIX: prefix,
    YAHOO_BASE_URL: sim.yahooBaseUrl,
    JPX_LIST_URL: sim.jpxListUrl,
    JQUANTS_BASE_URL: sim.jquantsBaseUrl,
    YAHOO_REQUESTS_PER_MINUTE: "10000000",
    RATE_LIMIT_PER_MINUTE: "100000",
    WORKER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: "warn",
  };
  const apps: SpawnedApp[] = [];
  const redis = new Redis(servers.redisUrl, { maxRetriesPerRequest: null });
  const db = createDatabase(databaseUrl);
  try {
    const gateway = spawnApp("gateway", { ...env, PORT: "0", LOG_LEVEL: "info" });
    apps.push(gateway);
    const url = (JSON.parse(await gateway.waitFor(/gateway listening/)) as { url: string }).url;
    for (let index = 0; index < WORKERS; index++) {
      const worker = spawnApp("worker", { ...env, LOG_LEVEL: "info" });
      apps.push(worker);
      await worker.waitFor(/worker started/);
    }

    const sync = await api<{ update_summary: { total_stocks: number } }>(url, "POST", "/api/stock-master/update");
    const before = await sim.requests();
    const started = performance.now();
    const { job_id: jobId } = await api<{ job_id: string }>(url, "POST", "/api/bulk/start", {
      all: true,
      interval: "1d",
      period: PERIOD,
    });
    let job: Job;
    for (;;) {
      job = (await api<{ job: Job }>(url, "GET", `/api/bulk/status/${jobId}`)).job;
      if (job.summary) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await sim.requests();
    const requests = (after["yahoo:/v8/finance/chart"] ?? 0) - (before["yahoo:/v8/finance/chart"] ?? 0);
    const symbols = job.progress.total;
    const rows = job.summary.records;

    const copy = await copyBaseline(db.pool);
    const noop = await bullmqBaseline(redis, prefix, symbols, CONCURRENCY * WORKERS);

    const symbolsPerSecond = symbols / seconds;
    const rowsPerSecond = rows / seconds;
    const copyRowsPerSecond = copy.rows / copy.seconds;
    const noopJobsPerSecond = noop.jobs / noop.seconds;
    const lines = [
      `kabuto bench: ${sync.update_summary.total_stocks} listings in the master; ${WORKERS} worker processes × concurrency ${CONCURRENCY}; period ${PERIOD}, interval 1d`,
      `  full universe     ${symbols} symbols (${job.summary.successful} ok, ${job.summary.failed} failed), ${rows} rows in ${seconds.toFixed(1)} s`,
      `  throughput        ${symbolsPerSecond.toFixed(1)} symbols/s, ${rowsPerSecond.toFixed(0)} rows/s`,
      `  request budget    ${requests} Yahoo requests (${(requests / symbols).toFixed(2)} per symbol)`,
      `  baseline COPY     ${copy.rows} rows in ${copy.seconds.toFixed(2)} s = ${copyRowsPerSecond.toFixed(0)} rows/s  → Kabuto at ${((rowsPerSecond / copyRowsPerSecond) * 100).toFixed(1)} % of raw COPY`,
      `  baseline BullMQ   ${noop.jobs} no-op jobs in ${noop.seconds.toFixed(2)} s = ${noopJobsPerSecond.toFixed(0)} jobs/s  → Kabuto at ${((symbolsPerSecond / noopJobsPerSecond) * 100).toFixed(1)} % of raw BullMQ`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    for (const app of apps) app.process.kill("SIGTERM");
    await Promise.all(apps.map((app) => app.exited()));
    await db.close();
    await redis.quit();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
