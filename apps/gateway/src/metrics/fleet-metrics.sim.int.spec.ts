import { io, type Socket } from "socket.io-client";

import { METRIC, METRIC_NAMES } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  declaredMetrics,
  declaredName,
  metricValues,
  opsQueries,
  promqlMetricNames,
  scrape,
  simulatorCodes,
  spawnApp,
  startBulkJob,
  startTestGateway,
  waitForJob,
  waitUntil,
  type SpawnedApp,
  type TestGateway,
} from "@kabuto/testkit";

/** Series Prometheus makes itself, not found in any /metrics answer. */
const PROMETHEUS_OWN = new Set(["up"]);

/** The metrics URL an app logs when it starts with METRICS_PORT set. */
async function metricsUrlOf(app: SpawnedApp, started: RegExp): Promise<string> {
  return (JSON.parse(await app.waitFor(started)) as { metrics_url: string }).metrics_url;
}

function connected(url: string): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, timeout: 10_000 });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

describe("fleet metrics: a batch through the gateway, a worker, progress and the scheduler as real processes", () => {
  jest.setTimeout(120_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let others: SpawnedApp[] = [];
  let socket: Socket | undefined;
  const urls: Record<string, string> = {};
  /** Each app's /metrics answer, by app. */
  const scrapeAll = async () =>
    Object.fromEntries(
      await Promise.all(Object.entries(urls).map(async ([app, url]) => [app, await scrape(url)] as const)),
    );

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 16 });
    gateway = await startTestGateway({ RATE_LIMIT_PER_MINUTE: "100000" });
    // 600 a minute: the worker's requests wait for their slot in the fleet's Yahoo gate
    const worker = await gateway.startWorker(sim, {
      METRICS_PORT: "0",
      YAHOO_REQUESTS_PER_MINUTE: "600",
      WORKER_CONCURRENCY: "4",
    });
    const progress = spawnApp("progress", { ...gateway.serverEnv, PROGRESS_PORT: "0", METRICS_PORT: "0" });
    const scheduler = spawnApp("scheduler", { ...gateway.serverEnv, METRICS_PORT: "0" });
    others = [progress, scheduler];
    urls.worker = await metricsUrlOf(worker, /worker started/);
    urls.scheduler = await metricsUrlOf(scheduler, /scheduler started/);
    const progressLine = JSON.parse(await progress.waitFor(/progress listening/)) as {
      url: string;
      metrics_url: string;
    };
    urls.progress = progressLine.metrics_url;
    urls.gateway = `${gateway.url}/metrics`;
    socket = await connected(progressLine.url);
  });

  afterAll(async () => {
    socket?.disconnect();
    for (const app of others) if (app.process.exitCode === null) app.process.kill("SIGTERM");
    await Promise.all(others.map((app) => app.exited()));
    await gateway.close();
    await sim.close();
  });

  it("serves every metric with non-zero values after a batch, each app on its own endpoint", async () => {
    for (const url of Object.values(urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const symbols = [...(await simulatorCodes(sim, DEFAULT_JQUANTS_KEY)).slice(0, 12), "0001"];
    const job = await waitForJob(gateway, await startBulkJob(gateway, { symbols, interval: "1d", period: "1mo" }));
    expect(job).toMatchObject({ status: "completed", progress: { total: 13, successful: 12, failed: 1 } });
    // The batch's row is final before BullMQ moves its last jobs to completed or failed.
    const settled = [
      'kabuto_queue_jobs{queue="price-fetch",state="completed"} 12',
      'kabuto_queue_jobs{queue="price-fetch",state="failed"} 1',
      'kabuto_jobs_total{queue="price-fetch",outcome="completed",error_class="none"} 12',
      'kabuto_jobs_total{queue="price-fetch",outcome="failed",error_class="permanent"} 1',
    ];
    const texts = await waitUntil(
      "the gateway and the worker to count the batch's 12 completed jobs and 1 failed one",
      scrapeAll,
      (answers) => settled.every((line) => `${answers.gateway}\n${answers.worker}`.includes(line)),
      { timeoutMs: 10_000 },
    );
    const all = Object.values(texts).join("\n");

    const zeroOrMissing = METRIC_NAMES.filter((name) => !metricValues(all, name).some((value) => value > 0));
    expect(zeroOrMissing).toEqual([]);

    expect(texts.worker).toContain('kabuto_upstream_requests_total{provider="yahoo",status="404"} 1');
    expect(metricValues(texts.worker!, METRIC.ROWS_WRITTEN)).toEqual([job.summary!.records]);
    expect(texts.progress).toContain(`${METRIC.PROGRESS_CLIENTS} 1`);
    const [lastSuccess] = metricValues(texts.scheduler!, METRIC.BATCH_LAST_SUCCESS);
    expect(Date.now() / 1000 - lastSuccess!).toBeLessThan(120);
  });

  it("serves every metric the Grafana board and the alert rules query", async () => {
    // prom-client declares every registered metric, samples or not
    const declared = declaredMetrics(Object.values(await scrapeAll()).join("\n"));
    const missing = opsQueries().flatMap(({ where, expr }) =>
      promqlMetricNames(expr)
        .filter((name) => !PROMETHEUS_OWN.has(name) && declaredName(name, declared) === undefined)
        .map((name) => `${where}: ${name}`),
    );
    expect(missing).toEqual([]);
    expect(opsQueries().length).toBeGreaterThan(15);
  });
});
