import { createServer } from "node:net";

import { spawnApp, type SpawnedApp } from "./spawn-app";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { testServers } from "./test-env";
import { createTestRedis, type TestRedis } from "./test-redis";

const SERVERS = [
  { name: "gateway", portVariable: "PORT", ready: /gateway listening/ },
  { name: "progress", portVariable: "PROGRESS_PORT", ready: /progress listening/ },
] as const;

const API_KEY = "listen-test-key-0123456789";

/** Whether this machine can listen on ::1 (some containers have no IPv6). */
function ipv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(0, "::1", () => probe.close(() => resolve(true)));
  });
}

describe.each(SERVERS)("$name's HOST", ({ name, portVariable, ready }) => {
  let db: TestDatabase;
  let redis: TestRedis;
  const running: SpawnedApp[] = [];

  const start = (env: Record<string, string>) => {
    const app = spawnApp(name, {
      DATABASE_URL: db.url,
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: redis.prefix,
      [portVariable]: "0",
      ...env,
    });
    running.push(app);
    return app;
  };
  const listeningUrl = async (app: SpawnedApp) => (JSON.parse(await app.waitFor(ready)) as { url: string }).url;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
  });

  afterEach(async () => {
    for (const app of running.splice(0)) {
      if (app.process.exitCode === null && app.process.signalCode === null) app.process.kill("SIGTERM");
      await app.exited();
    }
  });

  afterAll(async () => {
    await redis.cleanup();
    await db.drop();
  });

  it.each(["0.0.0.0", "::"])("refuses HOST=%s without API_KEY: one line saying why, exit 1", async (host) => {
    const app = start({ HOST: host });
    expect((await app.exited()).code).toBe(1);
    expect(app.stderr().trim().split("\n")).toEqual([
      `${name}: Invalid configuration: HOST is ${host}, not loopback: refusing to listen there without API_KEY (set API_KEY, 16+ characters, or HOST=127.0.0.1)`,
    ]);
    expect(app.stdout()).toBe("");
  });

  it("logs the address it is bound to, and answers there", async () => {
    const url = await listeningUrl(start({ HOST: "127.0.0.1" }));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it("with API_KEY listens on every interface and says so", async () => {
    const url = await listeningUrl(start({ HOST: "0.0.0.0", API_KEY }));
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:[1-9]\d*$/);
    expect((await fetch(`${url.replace("0.0.0.0", "127.0.0.1")}/health`)).status).toBe(200);
  });

  it("writes an IPv6 address in brackets", async () => {
    if (!(await ipv6Loopback())) return;
    const url = await listeningUrl(start({ HOST: "::1" }));
    expect(url).toMatch(/^http:\/\/\[::1\]:[1-9]\d*$/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});
