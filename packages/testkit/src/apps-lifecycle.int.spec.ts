import { spawnApp, type SpawnedApp } from "./spawn-app";
import { createTestDatabase } from "./test-database";
import { testServers } from "./test-env";
import { createTestRedis } from "./test-redis";

describe("every app", () => {
  const apps: { name: Parameters<typeof spawnApp>[0]; portVariable?: string; ready: RegExp }[] = [
    { name: "gateway", portVariable: "PORT", ready: /gateway listening/ },
    { name: "progress", portVariable: "PROGRESS_PORT", ready: /progress listening/ },
    { name: "market-sim", portVariable: "MARKET_SIM_PORT", ready: /market-sim listening/ },
    { name: "worker", ready: /worker started/ },
    { name: "scheduler", ready: /scheduler started/ },
  ];

  it.each(apps)(
    "$name starts, answers /health where it listens, and stops on SIGTERM",
    async ({ name, portVariable, ready }) => {
      const db = await createTestDatabase();
      const redis = createTestRedis();
      let app: SpawnedApp | undefined;
      try {
        app = spawnApp(name, {
          DATABASE_URL: db.url,
          REDIS_URL: testServers().redisUrl,
          QUEUE_PREFIX: redis.prefix,
          ...(portVariable ? { [portVariable]: "0" } : {}),
        });
        const line = JSON.parse(await app.waitFor(ready)) as { url?: string };
        if (portVariable) {
          const response = await fetch(`${line.url}/health`);
          expect(response.status).toBe(200);
          expect(await response.json()).toMatchObject({ status: "ok" });
        }
        app.process.kill("SIGTERM");
        expect(await app.exited()).toEqual({ code: 0, signal: null });
        expect(app.stdout()).toMatch(/"message":"stopped"/);
      } finally {
        if (app && app.process.exitCode === null) app.process.kill("SIGKILL");
        await redis.cleanup();
        await db.drop();
      }
    },
  );
});
