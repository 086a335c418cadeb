import request from "supertest";

import { PRICE_QUEUE } from "@kabuto/core";
import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

/** Jobs waiting to run: BullMQ keeps those with a priority (every price job) apart from the plain waiting ones. */
const queued = (counts: Record<string, number>) => (counts.waiting ?? 0) + (counts.prioritized ?? 0);

describe("bulk API without workers (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let app: ReturnType<typeof createApp>;

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
      onScheduleChanged: async () => undefined,
    });
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it.each([
    [{}, "'symbols' は文字列リストで指定してください"],
    [{ symbols: "7203.T" }, "'symbols' は文字列リストで指定してください"],
    [{ symbols: [] }, "'symbols' は文字列リストで指定してください"],
    [{ symbols: ["AAPL"] }, "'symbols' に東証の銘柄コードではないものがあります: \"AAPL\""],
    [{ symbols: ["7203"], interval: "1m", period: "1y" }, "interval 1m only reaches 7 days back; range 1y is longer"],
    [
      { symbols: ["7203"], provider: "jquants", interval: "1h", period: "1mo" },
      "provider 'jquants' は日足 ('interval': '1d') だけを取得できます",
    ],
  ])("refuses %j with 400 and the error body", async (body, message) => {
    const response = await request(app).post("/api/bulk/start").send(body).expect(400);
    expect(response.body).toEqual({ success: false, error: "VALIDATION_ERROR", message });
  });

  it("starts the daily update from the schedule's provider unless the body names one; refuses anything else", async () => {
    const empty = await request(app).post("/api/bulk/update").send({}).expect(400);
    expect(empty.body).toMatchObject({ error: "VALIDATION_ERROR", message: expect.stringContaining("銘柄マスタ") });
    await db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at) VALUES ('7203', 'トヨタ自動車', true, 'jpx', now())`,
    );
    await db.pool.query(`UPDATE sync_schedules SET provider = 'jquants' WHERE job_name = 'daily_prices'`);
    // The schedule's J-Quants has no key stored: planning refuses at once, saying what to do.
    const scheduled = await request(app).post("/api/bulk/update").expect(400);
    expect(scheduled.body.message).toMatch(/no J-Quants API key is set: save one with PUT/);
    const named = await request(app).post("/api/bulk/update").send({ provider: "yahoo" }).expect(202);
    const batches = await db.prisma.batchExecution.findMany({ where: { id: named.body.job_id } });
    expect(batches.map((batch) => [batch.type, batch.provider, batch.unit])).toEqual([
      ["daily_update", "yahoo", "symbols"],
    ]);
    for (const body of [{ provider: "bloomberg" }, { provider: "yahoo", period: "1y" }]) {
      const refused = await request(app).post("/api/bulk/update").send(body).expect(400);
      expect(refused.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
    }
    await request(app).post(`/api/bulk/stop/${named.body.job_id}`).expect(200);
    await db.pool.query(`UPDATE sync_schedules SET provider = NULL WHERE job_name = 'daily_prices'`);
    await db.pool.query(`DELETE FROM companies`);
  });

  it("404 with seed 000's body for an unknown job", async () => {
    const response = await request(app).get("/api/bulk/status/job-0").expect(404);
    expect(response.body).toEqual({ success: false, error: "NOT_FOUND", message: "指定されたジョブが見つかりません" });
  });

  it("starts (de-duplicated, one job per symbol), pauses, resumes and stops", async () => {
    const started = await request(app)
      .post("/api/bulk/start")
      .send({ symbols: ["7203", "7203.T", "6758.T", "130a"], interval: "1d", period: "1mo" })
      .expect(202);
    expect(started.body).toEqual({
      success: true,
      job_id: expect.stringMatching(/^job-\d+-[0-9a-f]{6}$/),
      status: "accepted",
    });
    const id = started.body.job_id as string;
    expect(queued(await queues.counts(PRICE_QUEUE.yahoo))).toBe(3);

    const status = await request(app).get(`/api/bulk/status/${id}`).expect(200);
    expect(status.body.job).toMatchObject({
      id,
      status: "queued",
      progress: { total: 3, processed: 0, successful: 0, failed: 0, progress_percentage: 0 },
    });
    expect(status.body.job.summary).toBeUndefined();

    const paused = await request(app).post(`/api/bulk/pause/${id}`).expect(200);
    expect(paused.body.job.status).toBe("paused");
    expect(queued(await queues.counts(PRICE_QUEUE.yahoo))).toBe(0);
    await request(app).post(`/api/bulk/pause/${id}`).expect(409);

    await request(app).post(`/api/bulk/resume/${id}`).expect(200);
    expect(queued(await queues.counts(PRICE_QUEUE.yahoo))).toBe(3);

    const stopped = await request(app).post(`/api/bulk/stop/${id}`).expect(200);
    expect(stopped.body).toMatchObject({
      success: true,
      message: "キャンセルを受け付けました",
      job: { status: "cancel_requested" },
    });
    expect(queued(await queues.counts(PRICE_QUEUE.yahoo))).toBe(0);
    const after = await request(app).get(`/api/bulk/status/${id}`).expect(200);
    expect(after.body.job).toMatchObject({
      status: "cancelled",
      summary: { total_symbols: 3, successful: 0, failed: 0 },
    });

    const symbols = await request(app).get(`/api/bulk/jobs/${id}/symbols?status=cancelled`).expect(200);
    expect(symbols.body.symbols.map((symbol: { symbol: string }) => symbol.symbol).sort()).toEqual([
      "130A.T",
      "6758.T",
      "7203.T",
    ]);
    const history = await request(app).get("/api/bulk/jobs").expect(200);
    expect(history.body.jobs[0].id).toBe(id);
  });
});
