import { randomBytes } from "node:crypto";

import { io } from "socket.io-client";

import { startMarketSim, type MarketSim } from "@kabuto/market-sim";
import {
  simulatorCodes,
  spawnApp,
  startTestGateway,
  testServers,
  waitUntil,
  type SpawnedApp,
  type TestGateway,
} from "@kabuto/testkit";

const API_KEY = `kabuto-api-${randomBytes(16).toString("hex")}`;
const ENCRYPTION_KEY = randomBytes(32).toString("base64");
const JQUANTS_KEY = `jq-${randomBytes(16).toString("hex")}`;
const WRONG_JQUANTS_KEY = `jq-wrong-${randomBytes(16).toString("hex")}`;
/** What a misconfigured gateway is started with: too short, and not 32 bytes. */
const BAD_API_KEY = `short-${randomBytes(4).toString("hex")}`;
const BAD_ENCRYPTION_KEY = `not-32-bytes-${randomBytes(8).toString("hex")}`;
const SECRETS = { API_KEY, ENCRYPTION_KEY, JQUANTS_KEY, WRONG_JQUANTS_KEY, BAD_API_KEY, BAD_ENCRYPTION_KEY };

/** Each secret as written, and URL-encoded (a base64 key's `+`, `/` and `=` change). */
function secretForms(): [string, string][] {
  return Object.entries(SECRETS).flatMap(([name, secret]) => [
    [name, secret],
    [`${name} URL-encoded`, encodeURIComponent(secret)],
  ]);
}

/** Whether the progress service takes a Socket.IO connection with this key. */
async function progressConnects(url: string, apiKey: string): Promise<boolean> {
  const socket = io(url, { auth: { apiKey }, transports: ["websocket"], reconnection: false });
  try {
    return await new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("connect_error", () => resolve(false));
    });
  } finally {
    socket.close();
  }
}

interface Json {
  [key: string]: unknown;
}

describe("secrets never in logs: a whole run of real processes, failures included", () => {
  jest.setTimeout(60_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  let services: SpawnedApp[] = [];
  let stopped = false;
  let progressUrl: string;
  const processes: [string, SpawnedApp][] = [];

  /** Stops every process, so that what each logs at shutdown is read too. */
  async function stopAll() {
    stopped = true;
    for (const service of services) service.process.kill("SIGTERM");
    await Promise.all(services.map((service) => service.exited()));
    await gateway.close();
  }

  async function api(path: string, init: { method?: string; body?: unknown; key?: string } = {}) {
    const response = await fetch(`${gateway.url}${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", "x-api-key": init.key ?? API_KEY },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async function finishedJob(body: unknown): Promise<Json> {
    const started = await api("/api/bulk/start", { method: "POST", body });
    expect(started.status).toBe(202);
    return waitUntil(
      `bulk job ${String(started.body.job_id)} to end`,
      async () => (await api(`/api/bulk/status/${String(started.body.job_id)}`)).body.job as Json,
      (job) => job.summary !== undefined,
      { timeoutMs: 30_000 },
    );
  }

  async function finishedSync(source: string): Promise<Json> {
    const started = await api("/api/v1/companies/sync", { method: "POST", body: { source } });
    expect(started.status).toBe(202);
    const id = (started.body.run as Json).id;
    return waitUntil(
      `master sync ${String(id)} to end`,
      async () => ((await api("/api/v1/companies/sync/status")).body.history as Json[]).find((run) => run.id === id)!,
      (run) => run.status === "completed" || run.status === "failed",
      { timeoutMs: 30_000 },
    );
  }

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 31, jquantsKeys: { [JQUANTS_KEY]: "premium" } });
    gateway = await startTestGateway({
      API_KEY,
      ENCRYPTION_KEY,
      JQUANTS_BASE_URL: sim.jquantsBaseUrl,
      RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "debug",
    });
    processes.push(["gateway", gateway.process]);
    const servers = {
      DATABASE_URL: gateway.db.url,
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: gateway.redis.prefix,
    };
    for (const worker of [1, 2]) {
      processes.push([
        `worker ${worker}`,
        await gateway.startWorker(sim, { ENCRYPTION_KEY, WORKER_CONCURRENCY: "4", LOG_LEVEL: "debug" }),
      ]);
    }
    const progress = spawnApp("progress", { ...servers, PROGRESS_PORT: "0", API_KEY, LOG_LEVEL: "debug" });
    processes.push(["progress", progress]);
    const scheduler = spawnApp("scheduler", {
      ...servers,
      ENCRYPTION_KEY,
      JQUANTS_BASE_URL: sim.jquantsBaseUrl,
      LOG_LEVEL: "debug",
    });
    processes.push(["scheduler", scheduler]);
    services = [progress, scheduler];
    await scheduler.waitFor(/scheduler started/);
    progressUrl = (JSON.parse(await progress.waitFor(/progress listening/)) as { url: string }).url;
  });

  afterAll(async () => {
    if (!stopped) await stopAll();
    await sim.close();
  });

  it("runs with every secret in play, and no process logs one", async () => {
    expect(await progressConnects(progressUrl, "wrong-key")).toBe(false);
    expect(await progressConnects(progressUrl, API_KEY)).toBe(true);
    expect((await api("/api/bulk/jobs", { key: "wrong-key" })).status).toBe(401);
    expect((await api("/api/bulk/jobs", { key: `${API_KEY}x` })).status).toBe(401);
    const wrongKey = await api("/api/v1/data-sources/jquants", {
      method: "PUT",
      body: { api_key: WRONG_JQUANTS_KEY, plan: "premium" },
    });
    expect(wrongKey.status).toBe(400);
    const stored = await api("/api/v1/data-sources/jquants", {
      method: "PUT",
      body: { api_key: JQUANTS_KEY, plan: "premium" },
    });
    expect(stored.status).toBe(200);
    // the gateway logs its 5xx answers: J-Quants down while a key is validated
    await sim.setFaults({ errorRate: 1 });
    const down = await api("/api/v1/data-sources/jquants", {
      method: "PUT",
      body: { api_key: JQUANTS_KEY, plan: "premium" },
    });
    expect(down.status).toBe(503);

    // failures from here on: 503s, resets and cut answers, each logged by whoever meets it
    await sim.setFaults({ errorRate: 0.05, resetRate: 0.02, malformedRate: 0.02 });
    const codes = (await simulatorCodes(sim, JQUANTS_KEY)).slice(0, 40);
    const yahoo = await finishedJob({ symbols: codes, period: "1mo" });
    expect(yahoo.summary).toMatchObject({ total_symbols: 40 });
    const jquants = await finishedJob({ provider: "jquants", symbols: codes, period: "5d" });
    expect(jquants.summary).toBeDefined();
    for (const source of ["jquants", "jpx"])
      expect(["completed", "failed"]).toContain((await finishedSync(source)).status);
    // the gateway reads the calendar from J-Quants with the stored key
    expect((await api("/api/v1/calendar?from=2026-11-01&to=2026-12-31")).status).toBe(200);

    // J-Quants no longer knows the stored key: the workers' calls are refused
    await sim.setJQuantsKey(JQUANTS_KEY, null);
    const refused = await finishedJob({ provider: "jquants", symbols: codes.slice(0, 5), period: "5d" });
    expect(refused.summary).toMatchObject({ successful: 0 });
    expect(await finishedSync("jquants")).toMatchObject({ status: "failed" });

    const misconfigured = spawnApp("gateway", {
      DATABASE_URL: gateway.db.url,
      PORT: "0",
      API_KEY: BAD_API_KEY,
      ENCRYPTION_KEY: BAD_ENCRYPTION_KEY,
    });
    processes.push(["misconfigured gateway", misconfigured]);
    expect((await misconfigured.exited()).code).not.toBe(0);
    expect(misconfigured.stderr()).toMatch(/API_KEY/);

    await stopAll();
    const logged = processes.map(([name, app]) => [name, `${app.stdout()}\n${app.stderr()}`] as const);
    expect(logged.map(([name, output]) => [name, output.length > 0])).toEqual(logged.map(([name]) => [name, true]));
    const found = logged.flatMap(([process, output]) =>
      secretForms()
        .filter(([, secret]) => output.includes(secret))
        .map(([secret]) => `${process}: ${secret}`),
    );
    expect(found).toEqual([]);
  });
});
