import request from "supertest";

import { QUEUE, type CompanyListing, type JobItem } from "@kabuto/core";
import { applyListingSnapshot } from "@kabuto/db";
import { MARKETS } from "@kabuto/providers";
import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

const row = (code: string, companyName: string, overrides: Partial<CompanyListing> = {}): CompanyListing => ({
  code,
  companyName,
  companyNameEnglish: null,
  marketCode: "0111",
  marketName: "プライム",
  sector17Code: "6",
  sector17Name: "自動車・輸送機",
  sector33Code: "3700",
  sector33Name: "輸送用機器",
  scaleCode: "4",
  scaleCategory: "TOPIX Mid400",
  marginCode: null,
  referenceDate: "2026-11-24",
  ...overrides,
});

describe("companies API (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let app: ReturnType<typeof createApp>;
  const scheduleChanges: string[] = [];
  const enqueued: JobItem[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    await applyListingSnapshot(
      db.pool,
      {
        listings: [
          row("3116", "トヨタ紡織", { companyNameEnglish: "TOYOTA BOSHOKU CORPORATION" }),
          row("7203", "トヨタ自動車", {
            companyNameEnglish: "TOYOTA MOTOR CORPORATION",
            scaleCode: "1",
            scaleCategory: "TOPIX Core30",
          }),
          row("6201", "豊田自動織機", {
            companyNameEnglish: "TOYOTA INDUSTRIES CORPORATION",
            sector33Code: "3600",
            sector33Name: "機械",
            sector17Code: "8",
            sector17Name: "機械",
          }),
          row("130A", "Ｖｅｒｉｔａｓ　Ｉｎ　Ｓｉｌｉｃｏ", {
            marketCode: "0113",
            marketName: "グロース",
            scaleCode: null,
            scaleCategory: null,
          }),
        ],
        markets: MARKETS,
      },
      "jquants",
    );
    const config = loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix });
    app = createApp({
      config,
      logger: testLogger(),
      db,
      redis: redis.connection,
      queues: {
        ...queues,
        enqueueAll: (items) => {
          enqueued.push(...items);
          return queues.enqueueAll(items);
        },
      },
      onScheduleChanged: async (jobName) => scheduleChanges.push(jobName),
    });
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it("search: q=トヨタ returns 7203 first", async () => {
    const response = await request(app).get("/api/v1/companies/search").query({ q: "トヨタ" }).expect(200);
    expect(response.body.query).toBe("トヨタ");
    expect(response.body.companies.map((company: { code: string }) => company.code)).toEqual(["7203", "3116"]);
  });

  it("search: q=toyota finds the English names, 7203 first", async () => {
    const response = await request(app).get("/api/v1/companies/search?q=toyota").expect(200);
    expect(response.body.companies[0]).toMatchObject({
      code: "7203",
      company_name_english: "TOYOTA MOTOR CORPORATION",
    });
    expect(response.body.total).toBe(3);
  });

  it("list: filters and paginates", async () => {
    const response = await request(app)
      .get("/api/v1/companies")
      .query({ sector33_code: "3700", limit: 1, offset: 1 })
      .expect(200);
    expect(response.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(response.body.companies).toHaveLength(1);
  });

  it("list: limit=5000 is refused with 400", async () => {
    const response = await request(app).get("/api/v1/companies?limit=5000").expect(400);
    expect(response.body).toEqual({
      success: false,
      error: "VALIDATION_ERROR",
      message: expect.stringContaining("'limit'"),
    });
  });

  it("one company, and 404 with the error body for an unknown code", async () => {
    const found = await request(app).get("/api/v1/companies/130a").expect(200);
    expect(found.body).toMatchObject({ code: "130A", market_code: "0113", market_name: "グロース", is_active: true });
    const missing = await request(app).get("/api/v1/companies/9999").expect(404);
    expect(missing.body).toEqual({
      success: false,
      error: "NOT_FOUND",
      message: "銘柄コード 9999 の企業が見つかりません",
    });
  });

  it("markets and sectors", async () => {
    const markets = await request(app).get("/api/v1/companies/markets").expect(200);
    expect(markets.body.markets).toContainEqual({ code: "0111", name: "プライム", name_english: "Prime" });
    const sectors = await request(app).get("/api/v1/companies/sectors?type=17").expect(200);
    expect(sectors.body.sectors).toEqual([
      { code: "6", name: "自動車・輸送機" },
      { code: "8", name: "機械" },
    ]);
  });

  it("stock-master/list speaks seed 000's fields", async () => {
    const response = await request(app)
      .get("/api/stock-master/list")
      .query({ market_category: "プライム" })
      .expect(200);
    expect(response.body.success).toBe(true);
    expect(response.body.total).toBe(3);
    expect(response.body.stocks[0]).toEqual({
      stock_code: "3116",
      stock_name: "トヨタ紡織",
      market_category: "プライム",
      sector: "輸送用機器",
      is_active: true,
    });
  });

  it("a manual sync is accepted once, forced when asked; a second one while it is queued is a conflict", async () => {
    const notBoolean = await request(app).post("/api/v1/companies/sync").send({ force: "yes" }).expect(400);
    expect(notBoolean.body).toMatchObject({ error: "VALIDATION_ERROR", message: expect.stringContaining("force") });
    const first = await request(app).post("/api/v1/companies/sync").send({ source: "jpx", force: true }).expect(202);
    expect(first.body.run).toMatchObject({ trigger: "manual", source: "jpx", status: "queued" });
    expect(enqueued).toEqual([
      { name: "sync-master", data: { runId: first.body.run.id, trigger: "manual", source: "jpx", force: true } },
    ]);
    const second = await request(app).post("/api/v1/companies/sync").send({}).expect(409);
    expect(second.body.error).toBe("CONFLICT");
    const status = await request(app).get("/api/v1/companies/sync/status").expect(200);
    expect(status.body.current).toMatchObject({ id: first.body.run.id, status: "queued" });
    expect((await queues.counts(QUEUE.MASTER_SYNC)).waiting).toBe(1);
  });

  it("the schedule: read, change, and a clear 400 for a bad time", async () => {
    const read = await request(app).get("/api/v1/companies/schedule").expect(200);
    expect(read.body.schedule).toMatchObject({
      job_name: "master_sync",
      time: "11:30",
      timezone: "Asia/Tokyo",
      enabled: true,
    });
    const changed = await request(app).put("/api/v1/companies/schedule").send({ time: "06:45" }).expect(200);
    expect(changed.body.schedule.time).toBe("06:45");
    expect(scheduleChanges).toEqual(["master_sync"]);
    const bad = await request(app).put("/api/v1/companies/schedule").send({ time: "25:00" }).expect(400);
    expect(bad.body.message).toMatch(/HH:MM/);
  });

  it("a J-Quants key cannot be stored without ENCRYPTION_KEY, and no key is ever listed", async () => {
    await request(app).put("/api/v1/data-sources/jquants").send({ api_key: "abcdefghijkl", plan: "light" }).expect(503);
    const listed = await request(app).get("/api/v1/data-sources").expect(200);
    expect(JSON.stringify(listed.body)).not.toContain("abcdefghijkl");
  });
});
