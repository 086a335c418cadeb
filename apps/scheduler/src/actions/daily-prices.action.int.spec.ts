import { Queue } from "bullmq";

import { createBatchControl, priceSourcesFrom, type BatchControl } from "@kabuto/batches";
import { BULLMQ_PRIORITY, PRICE_QUEUE, publishProgress } from "@kabuto/core";
import { batchProgressPublisher } from "@kabuto/db";
import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import {
  createTestDatabase,
  createTestRedis,
  storeJQuantsKey,
  testLogger,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

import { dailyPricesAction } from "./daily-prices.action";

describe("the daily price update (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let batches: BatchControl;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    const progress = batchProgressPublisher({
      pool: db.pool,
      publish: (event) => publishProgress(redis.connection, redis.prefix, event),
      onError: (error) => {
        throw error;
      },
    });
    // The sources only plan here (J-Quants' five days need no bulk list): no upstream is reached.
    const upstream = { yahooBaseUrl: "http://127.0.0.1:9", jquantsBaseUrl: "http://127.0.0.1:9", timeoutMs: 100 };
    const encryptionKey = await storeJQuantsKey(db.prisma, "standard");
    const sources = priceSourcesFrom({ prisma: db.prisma, upstream, encryptionKey });
    batches = createBatchControl({ db, queues, sources, progress, logger: testLogger() });
    await db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       VALUES ('7203', 'トヨタ自動車', true, 'jpx', now()), ('6758', 'ソニーグループ', true, 'jpx', now()),
              ('9999', '上場廃止', false, 'jpx', now())`,
    );
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  const occurrence = (at: string) => ({ jobName: "daily_prices", scheduledAt: new Date(at), timezone: "Asia/Tokyo" });

  it("starts a Yahoo batch of every active listing at 19:00 on a trading day, each unit from its last bar on", async () => {
    const outcome = await dailyPricesAction({ batches, provider: "yahoo" })(occurrence("2026-11-26T19:00:00+09:00"));
    expect(outcome).toMatchObject({ requested: true, status: "queued", count: 2 });
    const batch = await db.prisma.batchExecution.findFirstOrThrow({ where: { provider: "yahoo" } });
    expect(batch).toMatchObject({ type: "daily_update", unit: "symbols", period: "5d", total: 2 });
    const queue = new Queue(PRICE_QUEUE.yahoo, { connection: redis.connection, prefix: redis.prefix });
    const jobs = await queue.getJobs(["waiting", "prioritized"]);
    await queue.close();
    expect(jobs).toHaveLength(2);
    // the last stored bar is looked up when the job runs; "5d" is for a symbol without one
    for (const job of jobs) {
      expect(job.data).toMatchObject({ incremental: true, period: "5d", priority: "daily" });
      expect(job.opts.priority).toBe(BULLMQ_PRIORITY.daily);
    }
  });

  it("fetches J-Quants by date: with nothing stored, the five trading days up to today, Labour Thanksgiving Day skipped", async () => {
    await dailyPricesAction({ batches, provider: "jquants" })(occurrence("2026-11-26T19:00:00+09:00"));
    const batch = await db.prisma.batchExecution.findFirstOrThrow({ where: { provider: "jquants" } });
    expect(batch).toMatchObject({ type: "daily_update", unit: "dates", total: 5, symbols: [] });
    const dates = (await db.prisma.batchExecutionDetail.findMany({ where: { batchId: batch.id } })).map(
      (detail) => detail.symbol,
    );
    expect(dates.sort()).toEqual(["2026-11-19", "2026-11-20", "2026-11-24", "2026-11-25", "2026-11-26"]);
  });

  it("fetches J-Quants' missing dates only: those after the market's last stored one", async () => {
    await db.pool.query(
      `INSERT INTO price_bars (source, symbol, interval, ts, close, updated_at)
       VALUES ('jquants', '7203.T', '1d', '2026-11-20T00:00:00Z', 3000, now()),
              ('jquants', '6758.T', '1d', '2026-11-24T00:00:00Z', 3000, now())`,
    );
    const outcome = await dailyPricesAction({ batches, provider: "jquants" })(occurrence("2026-11-26T19:00:00+09:00"));
    const batchId = outcome.requested ? String(outcome.details?.batch_id) : "";
    const dates = (await db.prisma.batchExecutionDetail.findMany({ where: { batchId } })).map(
      (detail) => detail.symbol,
    );
    expect(dates.sort()).toEqual(["2026-11-25", "2026-11-26"]);
    await db.pool.query(`DELETE FROM price_bars WHERE source = 'jquants'`);
  });

  it("fetches from the schedule row's provider when it names one, whatever DAILY_PRICES_PROVIDER says", async () => {
    const outcome = await dailyPricesAction({ batches, provider: "yahoo" })({
      ...occurrence("2026-11-27T19:00:00+09:00"),
      provider: "jquants",
    });
    expect(outcome).toMatchObject({ requested: true, details: { provider: "jquants" } });
    const batchId = outcome.requested ? String(outcome.details?.batch_id) : "";
    expect(await db.prisma.batchExecution.findUnique({ where: { id: batchId } })).toMatchObject({
      provider: "jquants",
      unit: "dates",
    });
  });

  it("does nothing on a day the exchange is closed", async () => {
    expect(await dailyPricesAction({ batches, provider: "yahoo" })(occurrence("2026-11-23T19:00:00+09:00"))).toEqual({
      requested: false,
      reason: "not a TSE trading day",
    });
  });
});
