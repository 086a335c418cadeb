import request from "supertest";

import { createQueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

const API_KEY = "test-api-key-0123456789";
const WRONG_KEY = "wrong-key-0123456789";
const TOO_MANY_FAILURES = {
  success: false,
  error: "RATE_LIMIT_EXCEEDED",
  message: "認証の失敗が多すぎます。しばらく待って再試行してください",
};

/** Failures and requests count per clock minute: a run that would straddle two minutes waits for the next one. */
async function awayFromMinuteEdge(seconds: number): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 60_000 - seconds * 1000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute));
}

describe("failed API key attempts and rate-limit buckets (real Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  const closers: (() => Promise<unknown>)[] = [];
  let prefixes = 0;

  /** A gateway app; apps made with the same `shared` name share a prefix, as replicas do. */
  function app(env: Record<string, string>, shared = `${++prefixes}`) {
    const queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    closers.push(() => queues.close());
    return createApp({
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: `${redis.prefix}-${shared}`, ...env }),
      logger: testLogger(),
      db,
      redis: redis.connection,
      queues,
      onScheduleChanged: async () => undefined,
    });
  }

  // The app trusts X-Forwarded-For from loopback (a local reverse proxy), and supertest connects from there.
  const get = (gateway: ReturnType<typeof app>, from: string, key?: string) => {
    const call = request(gateway).get("/api/docs").set("X-Forwarded-For", from);
    return key === undefined ? call : call.set("X-API-KEY", key);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
  });

  afterAll(async () => {
    for (const close of closers) await close();
    await redis.cleanup();
    await db.drop();
  });

  it("after AUTH_FAILURES_PER_MINUTE wrong keys an address gets 429 even with the right key; other addresses go on", async () => {
    const gateway = app({ API_KEY, AUTH_FAILURES_PER_MINUTE: "3" });
    await awayFromMinuteEdge(5);
    await get(gateway, "203.0.113.10", WRONG_KEY).expect(401);
    await get(gateway, "203.0.113.10").expect(401);
    await get(gateway, "203.0.113.10", API_KEY).expect(200);
    await get(gateway, "203.0.113.10", WRONG_KEY).expect(401);

    const refused = await get(gateway, "203.0.113.10", API_KEY).expect(429);
    expect(refused.body).toEqual(TOO_MANY_FAILURES);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    await get(gateway, "::ffff:203.0.113.10", API_KEY).expect(429);

    await get(gateway, "203.0.113.11", API_KEY).expect(200);
    await get(gateway, "203.0.113.11", WRONG_KEY).expect(401);
  });

  it("counts an IPv6 client by its /64, and across gateway replicas", async () => {
    const first = app({ API_KEY, AUTH_FAILURES_PER_MINUTE: "2" }, "replicas");
    const second = app({ API_KEY, AUTH_FAILURES_PER_MINUTE: "2" }, "replicas");
    await awayFromMinuteEdge(5);
    await get(first, "2001:db8:1:2::a", WRONG_KEY).expect(401);
    await get(second, "2001:db8:1:2:ffff::b", WRONG_KEY).expect(401);
    expect((await get(first, "2001:db8:1:2::c", API_KEY).expect(429)).body).toEqual(TOO_MANY_FAILURES);
    await get(second, "2001:db8:1:3::a", API_KEY).expect(200);
  });

  it("a wrong key does not spend the right key's requests", async () => {
    const gateway = app({ API_KEY, RATE_LIMIT_PER_MINUTE: "5" });
    await awayFromMinuteEdge(5);
    expect((await get(gateway, "203.0.113.20", API_KEY).expect(200)).headers["ratelimit-remaining"]).toBe("4");
    for (let attempt = 0; attempt < 3; attempt++) await get(gateway, "203.0.113.21", WRONG_KEY).expect(401);
    expect((await get(gateway, "203.0.113.22", API_KEY).expect(200)).headers["ratelimit-remaining"]).toBe("3");
  });

  it("without API_KEY an X-API-KEY header buys no bucket of its own: the address's (IPv6: /64) is counted", async () => {
    const gateway = app({ RATE_LIMIT_PER_MINUTE: "2" });
    await awayFromMinuteEdge(5);
    await get(gateway, "2001:db8::1", "made-up-key-number-1").expect(200);
    await get(gateway, "2001:db8::2", "made-up-key-number-2").expect(200);
    const refused = await get(gateway, "2001:db8::3", "made-up-key-number-3").expect(429);
    expect(refused.body).toMatchObject({ success: false, error: "RATE_LIMIT_EXCEEDED" });
    await get(gateway, "2001:db8:0:1::1", "made-up-key-number-1").expect(200);
    await get(gateway, "203.0.113.30").expect(200);
  });
});
