import request from "supertest";

import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "./app";
import { loadGatewayConfig } from "./env";

const API_KEY = "test-api-key-0123456789";

describe("the gateway's common answers: error body, /metrics, /api/docs (real Redis and PostgreSQL)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    app = createApp({
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix, API_KEY }),
      logger: testLogger(),
      db,
      redis: redis.connection,
      queues,
      onScheduleChanged: async () => undefined,
    });
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it("404 with the error body for an unknown path, inside /api and out", async () => {
    const inside = await request(app).get("/api/no-such-route").set("X-API-KEY", API_KEY).expect(404);
    expect(inside.body).toEqual({
      success: false,
      error: "NOT_FOUND",
      message: "GET /api/no-such-route が見つかりません",
    });
    const outside = await request(app).post("/nowhere").expect(404);
    expect(outside.body).toEqual({ success: false, error: "NOT_FOUND", message: "POST /nowhere が見つかりません" });
  });

  it("400 VALIDATION_ERROR for a body that is not JSON", async () => {
    const response = await request(app)
      .post("/api/bulk/start")
      .set("X-API-KEY", API_KEY)
      .set("Content-Type", "application/json")
      .send('{"symbols": [')
      .expect(400);
    expect(response.body).toEqual({
      success: false,
      error: "VALIDATION_ERROR",
      message: "リクエストボディが正しいJSONではありません",
    });
  });

  it("GET /metrics: Prometheus text with process metrics and the requests so far by route pattern", async () => {
    await request(app).get("/api/bulk/status/job-0").set("X-API-KEY", API_KEY).expect(404);
    const response = await request(app).get("/metrics").expect(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain("# TYPE http_requests_total counter");
    expect(response.text).toContain(
      'http_requests_total{method="GET",route="/api/bulk/status/:job_id",status="404"} 1',
    );
    expect(response.text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(response.text).toContain("process_resident_memory_bytes");
    expect(response.text).toContain('kabuto_queue_jobs{queue="price-fetch",state="waiting"} 0');
  });

  it("GET /api/docs: an OpenAPI 3.1 JSON document, behind the API key", async () => {
    await request(app).get("/api/docs").expect(401);
    const response = await request(app).get("/api/docs").set("X-API-KEY", API_KEY).expect(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({
      openapi: "3.1.0",
      components: { securitySchemes: { ApiKey: { type: "apiKey", in: "header", name: "X-API-KEY" } } },
    });
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(["/health", "/metrics", "/api/docs"]));
  });
});
