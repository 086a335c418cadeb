import { Redis } from "ioredis";
import request from "supertest";

import { createQueueRepository } from "@kabuto/queue";
import {
  createTestDatabase,
  createTestRedis,
  testLogger,
  testServers,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

const API_KEY = "test-api-key-0123456789";
const UNAUTHORIZED = {
  success: false,
  error: "UNAUTHORIZED",
  message: "APIキーが不正です。ヘッダ 'X-API-KEY' を設定してください",
};
const RATE_LIMITED = {
  success: false,
  error: "RATE_LIMIT_EXCEEDED",
  message: "レート制限を超過しました。しばらく待って再試行してください",
};

/** The limit counts per clock minute: a run that would straddle two minutes waits for the next one. */
async function awayFromMinuteEdge(seconds: number): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 60_000 - seconds * 1000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute));
}

describe("API key and rate limit on every /api route (real Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  const closers: (() => Promise<unknown>)[] = [];

  function deps(connection: Redis, env: Record<string, string> = {}) {
    const queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    closers.push(() => queues.close());
    return {
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix, API_KEY, ...env }),
      logger: testLogger(),
      db,
      redis: connection,
      queues,
      onScheduleChanged: async () => undefined,
    };
  }

  const app = (connection: Redis, env: Record<string, string> = {}) => createApp(deps(connection, env));

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
  });

  afterAll(async () => {
    for (const close of closers) await close();
    await redis.cleanup();
    await db.drop();
  });

  it("401 with seed 000's body without a key or with a wrong one; through with the right one", async () => {
    const gateway = app(redis.connection);
    expect((await request(gateway).get("/api/bulk/jobs").expect(401)).body).toEqual(UNAUTHORIZED);
    expect(
      (await request(gateway).get("/api/bulk/jobs").set("X-API-KEY", "wrong-key-0123456789").expect(401)).body,
    ).toEqual(UNAUTHORIZED);
    await request(gateway).get("/api/bulk/jobs").set("X-API-KEY", API_KEY).expect(200);
    expect((await request(gateway).get("/api/nowhere").set("X-API-KEY", API_KEY).expect(404)).body).toMatchObject({
      success: false,
      error: "NOT_FOUND",
    });
    await request(gateway).get("/health").expect(200);
  });

  it("no key needed when API_KEY is unset", async () => {
    const open = createApp({
      ...deps(redis.connection),
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: `${redis.prefix}-open` }),
    });
    await request(open).get("/api/bulk/jobs").expect(200);
  });

  it("the 61st request in a minute at the default limit: 429 with seed 000's body and Retry-After", async () => {
    const gateway = app(redis.connection, { QUEUE_PREFIX: `${redis.prefix}-default` });
    await awayFromMinuteEdge(15);
    for (let sent = 1; sent <= 60; sent++) {
      const response = await request(gateway).get("/api/docs").set("X-API-KEY", API_KEY).expect(200);
      expect(response.headers["ratelimit-remaining"]).toBe(String(60 - sent));
    }
    const refused = await request(gateway).get("/api/docs").set("X-API-KEY", API_KEY).expect(429);
    expect(refused.body).toEqual(RATE_LIMITED);
    expect(refused.headers["ratelimit-limit"]).toBe("60");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
  });

  it("429 with seed 000's body and Retry-After past the limit, shared by two gateway replicas", async () => {
    const first = app(redis.connection, { RATE_LIMIT_PER_MINUTE: "3", QUEUE_PREFIX: `${redis.prefix}-limit` });
    const second = app(redis.connection, { RATE_LIMIT_PER_MINUTE: "3", QUEUE_PREFIX: `${redis.prefix}-limit` });
    const get = (gateway: typeof first) => request(gateway).get("/api/bulk/jobs").set("X-API-KEY", API_KEY);
    await awayFromMinuteEdge(5);
    await get(first).expect(200);
    await get(second).expect(200);
    const third = await get(first).expect(200);
    expect(third.headers["ratelimit-remaining"]).toBe("0");
    const refused = await get(second).expect(429);
    expect(refused.body).toEqual(RATE_LIMITED);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("503 with the error body when Redis does not answer", async () => {
    const down = new Redis(testServers().redisUrl.replace(/:\d+$/, ":1"), {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    down.on("error", () => undefined);
    const response = await request(app(down)).get("/api/bulk/jobs").set("X-API-KEY", API_KEY).expect(503);
    expect(response.body).toEqual({
      success: false,
      error: "SERVICE_UNAVAILABLE",
      message: "一時的に利用できません (Redis に接続できません)",
    });
    down.disconnect();
  });
});
