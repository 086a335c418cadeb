import request from "supertest";

import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

/** Requests the wave-1 fault run found answered 500 or wrongly accepted; each must be a 400. */
const JOB_ROUTES = [
  ["get", "/api/bulk/status/job%00x"],
  ["post", "/api/bulk/stop/job%00x"],
  ["post", "/api/bulk/pause/job%00x"],
  ["post", "/api/bulk/resume/job%00x"],
  ["post", "/api/bulk/retry/job%00x"],
  ["get", "/api/bulk/jobs/job%00x/symbols"],
  ["get", "/api/v1/quality/checks/check%00x"],
] as const;

const QUERIES = [
  "/api/v1/prices/7203?from=2026-13-01",
  "/api/v1/prices/7203?to=2026-02-30",
  "/api/v1/prices/7203?from=2026-03-02&to=2026-03-01",
  "/api/v1/prices/1e309",
  "/api/v1/prices/7203?adjust=dividends",
  "/api/v1/prices/7203?cursor=yesterday",
  "/api/v1/topix?from=2026-02-30",
  "/api/v1/calendar?from=2026-13-01&to=2026-12-31",
] as const;

describe("hostile input (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    app = createApp({
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix, RATE_LIMIT_PER_MINUTE: "100000" }),
      logger: testLogger(),
      db,
      redis: redis.connection,
      queues,
      onScheduleChanged: async () => undefined,
    });
    await db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       VALUES ('7203', 'トヨタ自動車', true, 'jpx', now()), ('9999', '100%_ホールディングス', true, 'jpx', now())`,
    );
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it.each(JOB_ROUTES)("%s %s: a NUL byte in an id is a 400, not a 500", async (method, path) => {
    const response = await request(app)[method](path).expect(400);
    expect(response.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
  });

  it.each(QUERIES)("GET %s is a 400 naming the problem", async (path) => {
    const response = await request(app).get(path).expect(400);
    expect(response.body).toMatchObject({ success: false, error: "VALIDATION_ERROR", message: expect.any(String) });
  });

  it("refuses a bulk start naming both symbols and all", async () => {
    const response = await request(app)
      .post("/api/bulk/start")
      .send({ symbols: ["7203"], all: true })
      .expect(400);
    expect(response.body.message).toBe("'symbols' と 'all' は同時に指定できません");
  });

  it("searches for % and _ as characters, not as LIKE wildcards", async () => {
    const wildcard = await request(app).get("/api/v1/companies/search").query({ q: "%" }).expect(200);
    expect(wildcard.body.companies.map((company: { code: string }) => company.code)).toEqual(["9999"]);
    const underscore = await request(app).get("/api/v1/companies/search").query({ q: "_" }).expect(200);
    expect(underscore.body.companies.map((company: { code: string }) => company.code)).toEqual(["9999"]);
  });
});
