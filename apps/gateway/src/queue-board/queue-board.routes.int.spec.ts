import request from "supertest";

import { QUEUE_NAMES } from "@kabuto/core";
import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

const API_KEY = "queue-board-key-0123456789";
const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString("base64")}`;

describe("Bull Board at /admin/queues (real Redis)", () => {
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

  it("answers 401 without the key, or with a wrong one, and asks a browser for it", async () => {
    for (const path of ["/admin/queues", "/admin/queues/api/queues"]) {
      const response = await request(app).get(path).expect(401);
      expect(response.headers["www-authenticate"]).toMatch(/^Basic realm="Kabuto"/);
      expect(response.body).toMatchObject({ success: false, error: "UNAUTHORIZED" });
    }
    await request(app)
      .get("/admin/queues")
      .set("Authorization", basic(`${API_KEY}x`))
      .expect(401);
    await request(app).get("/admin/queues").set("X-API-KEY", "not-the-key-0123456789").expect(401);
  });

  it("with the key (header or Basic password) serves the board and lists every queue, read-only", async () => {
    const page = await request(app).get("/admin/queues").set("X-API-KEY", API_KEY).expect(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const listed = await request(app).get("/admin/queues/api/queues").set("Authorization", basic(API_KEY)).expect(200);
    const boardQueues = listed.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(boardQueues.map((queue) => queue.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(boardQueues.every((queue) => queue.readOnlyMode)).toBe(true);
  });
});
