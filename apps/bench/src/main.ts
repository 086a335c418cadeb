import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import {
  connectionLog,
  createLogger,
  isTradingDay,
  logRedisConnection,
  shiftTradingDays,
  tokyoDate,
} from "@kabuto/core";
import { createDatabase } from "@kabuto/db";
import { DEFAULT_JQUANTS_KEY, startMarketSim } from "@kabuto/market-sim";
import { spawnApp, testServers, withDatabase, type SpawnedApp } from "@kabuto/testkit";

import { bullmqBaseline, copyBaseline } from "./baselines";
import { api, runBatch, waitForEnd } from "./bench-api";
import { freshBenchDatabase } from "./bench-database";
import { datasetRun } from "./dataset-run";
import { scalingRun, startWorkers, stopApps } from "./scaling-run";

const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PERIOD = process.env.BENCH_PERIOD ?? "1y";
const JQUANTS_YEARS = Number(process.env.BENCH_JQUANTS_YEARS ?? 10);
const SCALING_PERIOD = process.env.BENCH_SCALING_PERIOD ?? "1mo";
/** The scaling run's slice of the universe (the first N codes); unset: the whole market. */
const SCALING_SYMBOLS = process.env.BENCH_SCALING_SYMBOLS ? Number(process.env.BENCH_SCALING_SYMBOLS) : undefined;
/** The simulator's J-Quants key and its plan: Premium, 500 requests a minute (Kabuto uses 90 %). */
const JQUANTS_PLAN = { key: DEFAULT_JQUANTS_KEY, plan: "premium", perMinute: 500 } as const;

/** The J-Quants endpoints a backfill uses, as the simulator counts them. */
const JQUANTS_KINDS = ["/v2/equities/bars/daily", "/v2/bulk/list", "/v2/bulk/get"].map((path) => `jquants:${path}`);
const BULK_DOWNLOAD = "jquants:bulk-download";

/**
 * The whole market's J-Quants history over JQUANTS_YEARS: bulk files a month each plus the days
 * of this month by date, bounded by the plan, not by Kabuto, so the figures to read are the
 * requests against the listing plus two per file, and how close the fleet runs to the plan's
 * limit without a 429.
 */
async function jquantsBackfillRun(
  gateway: string,
  sim: Awaited<ReturnType<typeof startMarketSim>>,
  today: string,
): Promise<string> {
  await api(gateway, "PUT", "/api/v1/data-sources/jquants", { api_key: JQUANTS_PLAN.key, plan: JQUANTS_PLAN.plan });
  const from = `${Number(today.slice(0, 4)) - JQUANTS_YEARS}${today.slice(4)}`;
  const before = await sim.requests();
  const started = performance.now();
  const job = await runBatch(gateway, { provider: "jquants", all: true, interval: "1d", from });
  const seconds = (performance.now() - started) / 1000;
  const after = await sim.requests();
  const used = (kind: string) => (after[kind] ?? 0) - (before[kind] ?? 0);
  const api429 = JQUANTS_KINDS.reduce((sum, kind) => sum + used(`${kind} 429`), 0);
  const apiRequests = JQUANTS_KINDS.reduce((sum, kind) => sum + used(kind), 0);
  const files = used(BULK_DOWNLOAD);
  const perMinute = (apiRequests / seconds) * 60;
  return [
    `  J-Quants backfill ${JQUANTS_YEARS} y × the whole market from ${from}: ${job.plan.units} units (${files} bulk files + ${used(JQUANTS_KINDS[0]!)} date pages), ${job.summary!.records} rows in ${seconds.toFixed(1)} s = ${(job.summary!.records / seconds).toFixed(0)} rows/s`,
    `  J-Quants budget   ${apiRequests + files} requests (${used(JQUANTS_KINDS[1]!)} list + ${used(JQUANTS_KINDS[2]!)} get + ${files} downloads + ${used(JQUANTS_KINDS[0]!)} pages; plan estimated ${job.plan.requests_estimated}, status counted ${job.plan.requests_used}), ${perMinute.toFixed(0)} API requests/min = ${((perMinute / JQUANTS_PLAN.perMinute) * 100).toFixed(0)} % of the ${JQUANTS_PLAN.plan} plan, ${api429} refused (429)`,
  ].join("\n");
}

/**
 * The daily update after one simulated trading day (`/__admin/advance-day`): how many Yahoo
 * requests and rows it takes against one per listing and 1.2 rows per listing.
 */
async function dailyUpdateRun(gateway: string, sim: Awaited<ReturnType<typeof startMarketSim>>): Promise<string> {
  await sim.advanceDay();
  const chart = "yahoo:/v8/finance/chart";
  const before = await sim.requests();
  const started = performance.now();
  const { job_id: jobId } = await api<{ job_id: string }>(gateway, "POST", "/api/bulk/update", { provider: "yahoo" });
  const job = await waitForEnd(gateway, jobId);
  const seconds = (performance.now() - started) / 1000;
  const requests = ((await sim.requests())[chart] ?? 0) - (before[chart] ?? 0);
  const listings = job.progress.total;
  return `  daily update      after advance-day: ${requests} Yahoo requests for ${listings} listings (${(requests / listings).toFixed(3)} each), ${job.summary!.records} rows written (${(job.summary!.records / listings).toFixed(3)} per listing), ${job.summary!.failed} failed, in ${seconds.toFixed(1)} s`;
}

/**
 * `npm run bench`: the whole simulated market (about 4,400 listings × 1 year of daily bars) through
 * the real stack (gateway + worker processes + PostgreSQL + Redis), then, in the same run, a raw
 * PostgreSQL COPY of the same rows and raw BullMQ no-op jobs as baselines, printed as ratios; then
 * the daily update after one more trading day; then ten years of the whole market from J-Quants
 * (bulk files), against its plan's limit; then the ML dataset of the stored year and a 10-year price
 * export (dataset-run.ts); then the scaling run (1 vs 4 worker processes against a slow simulator).
 */
async function main() {
  const servers = testServers();
  if (process.env.BENCH_ONLY === "dataset") {
    // The dataset lines alone, over what BENCH_DATABASE already holds (a previous bench run's year).
    const databaseUrl = withDatabase(servers.databaseUrl, process.env.BENCH_DATABASE ?? "kabuto_bench");
    process.stdout.write(
      `kabuto bench (dataset only)\n${await datasetRun({ databaseUrl, serverUrl: servers.databaseUrl })}\n`,
    );
    return;
  }
  const databaseUrl = await freshBenchDatabase(servers.databaseUrl, process.env.BENCH_DATABASE ?? "kabuto_bench");
  const prefix = `bench-${randomBytes(3).toString("hex")}`;
  // The simulated "today" is the trading day before the real one, and the real one after the daily
  // update's advance-day: Kabuto asks Yahoo and J-Quants for nothing after its own today.
  const today = tokyoDate(new Date());
  const sim = await startMarketSim({
    seed: 20260601,
    baseDate: shiftTradingDays(isTradingDay(today) ? today : shiftTradingDays(today, -1), -1),
    jquantsKeys: { [JQUANTS_PLAN.key]: JQUANTS_PLAN.plan },
  });
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
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "warn",
  };
  const apps: SpawnedApp[] = [];
  let workers: SpawnedApp[] = [];
  const logger = createLogger({ service: "bench", level: "warn", format: "pretty" });
  const redis = new Redis(servers.redisUrl, { maxRetriesPerRequest: null });
  logRedisConnection(redis, logger);
  const db = createDatabase(databaseUrl, { log: connectionLog(logger, "database") });
  try {
    const gateway = spawnApp("gateway", { ...env, PORT: "0", LOG_LEVEL: "info" });
    apps.push(gateway);
    const url = (JSON.parse(await gateway.waitFor(/gateway listening/)) as { url: string }).url;
    workers = await startWorkers(WORKERS, env);

    const sync = await api<{ update_summary: { total_stocks: number } }>(url, "POST", "/api/stock-master/update");
    const before = await sim.requests();
    const started = performance.now();
    const job = await runBatch(url, { all: true, interval: "1d", period: PERIOD });
    const seconds = (performance.now() - started) / 1000;
    const after = await sim.requests();
    const requests = (after["yahoo:/v8/finance/chart"] ?? 0) - (before["yahoo:/v8/finance/chart"] ?? 0);
    const symbols = job.progress.total;
    const rows = job.summary!.records;

    const copy = await copyBaseline(db.pool);
    const noop = await bullmqBaseline(redis, prefix, symbols, CONCURRENCY * WORKERS);

    const symbolsPerSecond = symbols / seconds;
    const rowsPerSecond = rows / seconds;
    const copyRowsPerSecond = copy.rows / copy.seconds;
    const noopJobsPerSecond = noop.jobs / noop.seconds;
    const lines = [
      `kabuto bench: ${sync.update_summary.total_stocks} listings in the master; ${WORKERS} worker processes × concurrency ${CONCURRENCY}; period ${PERIOD}, interval 1d`,
      `  full universe     ${symbols} symbols (${job.summary!.successful} ok, ${job.summary!.failed} failed), ${rows} rows in ${seconds.toFixed(1)} s`,
      `  throughput        ${symbolsPerSecond.toFixed(1)} symbols/s, ${rowsPerSecond.toFixed(0)} rows/s`,
      `  request budget    ${requests} Yahoo requests (${(requests / symbols).toFixed(2)} per symbol)`,
      `  baseline COPY     ${copy.rows} rows in ${copy.seconds.toFixed(2)} s = ${copyRowsPerSecond.toFixed(0)} rows/s  → Kabuto at ${((rowsPerSecond / copyRowsPerSecond) * 100).toFixed(1)} % of raw COPY`,
      `  baseline BullMQ   ${noop.jobs} no-op jobs in ${noop.seconds.toFixed(2)} s = ${noopJobsPerSecond.toFixed(0)} jobs/s  → Kabuto at ${((symbolsPerSecond / noopJobsPerSecond) * 100).toFixed(1)} % of raw BullMQ`,
      `  end-to-end ratio: ${(seconds / (copy.seconds + noop.seconds)).toFixed(2)} × (COPY + BullMQ no-op)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    process.stdout.write(`${await dailyUpdateRun(url, sim)}\n`);
    process.stdout.write(`${await jquantsBackfillRun(url, sim, tokyoDate(new Date()))}\n`);
    process.stdout.write(`${await datasetRun({ databaseUrl, serverUrl: servers.databaseUrl })}\n`);
    await stopApps(workers);
    workers = [];
    const slice = SCALING_SYMBOLS
      ? (
          await db.pool.query<{ code: string }>("SELECT code FROM companies WHERE is_active ORDER BY code LIMIT $1", [
            SCALING_SYMBOLS,
          ])
        ).rows.map((row) => row.code)
      : undefined;
    process.stdout.write(`${await scalingRun({ gateway: url, sim, env, period: SCALING_PERIOD, symbols: slice })}\n`);
  } finally {
    await stopApps([...workers, ...apps]);
    await db.close();
    await redis.quit();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
