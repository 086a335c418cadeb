import { PRICE_QUEUE, publishProgress } from "@kabuto/core";
import { batchProgressPublisher, batchRepository } from "@kabuto/db";
import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import {
  createTestDatabase,
  createTestRedis,
  storeJQuantsKey,
  testLogger,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

import { createBatchControl, type BatchControl } from "./batch-lifecycle";
import { BatchRetryError } from "./batch-retry.error";
import { priceSourcesFrom } from "./price-sources";

/** Jobs waiting to run: BullMQ keeps those with a priority (every price job) apart from the plain waiting ones. */
const queued = (counts: Record<string, number>) => (counts.waiting ?? 0) + (counts.prioritized ?? 0);

describe("retry (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let control: BatchControl;

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
    control = createBatchControl({ db, queues, sources, progress, logger: testLogger() });
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it("re-runs a J-Quants batch's failed dates with its symbol filter, and refuses while it runs", async () => {
    const first = await control.start(
      { provider: "jquants", interval: "1d", period: "5d", symbols: ["7203.T", "6758.T"] },
      new Date("2026-11-26T19:00:00+09:00"),
    );
    await expect(control.retry(first.id)).rejects.toThrow(BatchRetryError);
    const batches = batchRepository(db.prisma, db.pool);
    const dates = await batches.pendingUnits(first.id);
    for (const [index, date] of dates.entries()) {
      await batches.finishUnit(
        first.id,
        date,
        index % 2 === 0
          ? { status: "completed", records: 2, symbols: 2, requests: 1 }
          : { status: "failed", errorClass: "temporary", message: "timeout" },
      );
    }
    expect(await control.find(first.id)).toMatchObject({ status: "completed", failed: 2 });

    const retry = await control.retry(first.id);
    expect(retry).toMatchObject({
      type: "partial",
      provider: "jquants",
      unit: "dates",
      interval: "1d",
      period: "5d",
      total: 2,
      symbols: ["7203.T", "6758.T"],
    });
    expect(await batches.pendingUnits(retry.id)).toEqual([dates[1], dates[3]]);
    // each batch's dates, and one TOPIX and investor-types job per batch
    expect(queued(await queues.counts(PRICE_QUEUE.jquants))).toBe(5 + 1 + 2 + 1);
    expect(await control.find(first.id)).toMatchObject({ status: "completed", failed: 2 });
  });
});
