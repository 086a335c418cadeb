import request from "supertest";

import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import {
  createTestDatabase,
  createTestRedis,
  testLogger,
  tokyoTimeOfDay,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

describe("the price update's schedule API (real PostgreSQL)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let app: ReturnType<typeof createApp>;
  const scheduleChanges: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    app = createApp({
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix }),
      logger: testLogger(),
      db,
      redis: redis.connection,
      queues,
      onScheduleChanged: async (jobName) => scheduleChanges.push(jobName),
    });
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it("reads the seeded 19:00 schedule, its provider left to the scheduler", async () => {
    const response = await request(app).get("/api/v1/prices/schedule").expect(200);
    expect(response.body.schedule).toMatchObject({
      job_name: "daily_prices",
      time: "19:00",
      timezone: "Asia/Tokyo",
      enabled: true,
      provider: null,
    });
    expect(tokyoTimeOfDay(response.body.schedule.next_run_at)).toBe("19:00");
  });

  it("changes time and provider, stores them and tells the schedulers", async () => {
    const response = await request(app)
      .put("/api/v1/prices/schedule")
      .send({ time: "18:30", provider: "jquants" })
      .expect(200);
    expect(response.body.schedule).toMatchObject({ time: "18:30", provider: "jquants", enabled: true });
    expect(tokyoTimeOfDay(response.body.schedule.next_run_at)).toBe("18:30");
    expect(scheduleChanges).toEqual(["daily_prices"]);
    expect(await db.prisma.syncSchedule.findUnique({ where: { jobName: "daily_prices" } })).toMatchObject({
      cronTime: "18:30",
      provider: "jquants",
    });
    const master = await request(app).get("/api/v1/companies/schedule").expect(200);
    expect(master.body.schedule.time).toBe("11:30");
  });

  it("switched off, it has no next run", async () => {
    const response = await request(app).put("/api/v1/prices/schedule").send({ enabled: false }).expect(200);
    expect(response.body.schedule).toMatchObject({ enabled: false, next_run_at: null, time: "18:30" });
  });

  it.each([
    [{ time: "7:00" }, /HH:MM/],
    [{ provider: "bloomberg" }, /provider/],
    [{ enabled: "yes" }, /enabled/],
    [{}, /time, enabled, provider/],
  ])("refuses %j with 400 and changes nothing", async (body, message) => {
    const before = await db.prisma.syncSchedule.findUniqueOrThrow({ where: { jobName: "daily_prices" } });
    const response = await request(app).put("/api/v1/prices/schedule").send(body).expect(400);
    expect(response.body).toEqual({
      success: false,
      error: "VALIDATION_ERROR",
      message: expect.stringMatching(message),
    });
    expect(await db.prisma.syncSchedule.findUniqueOrThrow({ where: { jobName: "daily_prices" } })).toEqual(before);
  });
});
