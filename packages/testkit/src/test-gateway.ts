import type { PrivateServers } from "./private-servers";
import type { SimulatorUrls } from "./simulator";
import { spawnApp, type SpawnedApp } from "./spawn-app";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { testServers } from "./test-env";
import { createTestRedis, type TestRedis } from "./test-redis";

/** The built gateway as its own process, on a database and Redis prefix of its own, plus worker processes. */
export interface TestGateway {
  /** `http://127.0.0.1:<free port>`: what supertest's `request()` and `fetch` take. */
  url: string;
  db: TestDatabase;
  redis: TestRedis;
  /** DATABASE_URL, REDIS_URL and QUEUE_PREFIX: what another app needs to join this installation. */
  serverEnv: Record<string, string>;
  process: SpawnedApp;
  /** Starts a built worker process on the same database and prefix, talking to the simulator. */
  startWorker(sim: SimulatorUrls, env?: Record<string, string>): Promise<SpawnedApp>;
  /** Stops the workers and the gateway, then empties the prefix and drops the database. */
  close(): Promise<void>;
}

async function stop(app: SpawnedApp): Promise<void> {
  if (app.process.exitCode === null && app.process.signalCode === null) app.process.kill("SIGTERM");
  await app.exited();
}

/**
 * Starts a gateway process on a free port; `env` adds to or overrides its configuration. It uses
 * the shared servers, or `privateServers` when given.
 */
export async function startTestGateway(
  env: Record<string, string> = {},
  privateServers?: PrivateServers,
): Promise<TestGateway> {
  const db = await createTestDatabase(privateServers?.database);
  const redisUrl = privateServers?.redisUrl ?? testServers().redisUrl;
  const redis = createTestRedis(redisUrl);
  const servers = { DATABASE_URL: db.url, REDIS_URL: redisUrl, QUEUE_PREFIX: redis.prefix };
  const gateway = spawnApp("gateway", { ...servers, PORT: "0", ...env });
  const workers: SpawnedApp[] = [];
  const close = async () => {
    await Promise.all(workers.map(stop));
    await stop(gateway);
    await redis.cleanup();
    await db.drop();
  };
  let url: string;
  try {
    ({ url } = JSON.parse(await gateway.waitFor(/gateway listening/)) as { url: string });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url,
    db,
    redis,
    serverEnv: servers,
    process: gateway,
    async startWorker(sim, workerEnv = {}) {
      const worker = spawnApp("worker", {
        ...servers,
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
    close,
  };
}
