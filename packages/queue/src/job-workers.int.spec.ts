import { Queue, QueueEvents } from "bullmq";

import { JOB, PRICE_QUEUE, jobIdOf, type FetchPricesPayload, type JobItem } from "@kabuto/core";
import { createTestRedis, testLogger, type TestRedis } from "@kabuto/testkit";

import type { JobHandlers } from "./job-handler";
import { createJobWorkers, type JobWorkers } from "./job-workers";
import { createQueueRepository, type QueueRepository } from "./queue.repository";

describe("the queue module: producer and workers (real Redis)", () => {
  let redis: TestRedis;
  let queues: QueueRepository;
  let yahoo: Queue;
  let events: QueueEvents;
  let eventsConnection: TestRedis["connection"];
  let workers: JobWorkers;
  const seen: FetchPricesPayload[] = [];

  const handlers: JobHandlers = {
    [JOB.FETCH_PRICES]: async (payload) => {
      seen.push(payload);
      return { unit: payload.unit, rows: 3 };
    },
    [JOB.FETCH_MARKET_SERIES]: async () => undefined,
    [JOB.SYNC_MASTER]: async () => undefined,
    [JOB.CHECK_QUALITY]: async () => undefined,
    [JOB.BUILD_DATASET]: async () => undefined,
  };

  const unit = (batchId: string, symbol: string): JobItem => ({
    name: JOB.FETCH_PRICES,
    data: { batchId, provider: "yahoo", unit: symbol, interval: "1d", period: "1mo" },
  });

  beforeAll(async () => {
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    yahoo = new Queue(PRICE_QUEUE.yahoo, { connection: redis.connection, prefix: redis.prefix });
    eventsConnection = redis.connection.duplicate();
    events = new QueueEvents(PRICE_QUEUE.yahoo, { connection: eventsConnection, prefix: redis.prefix });
    await events.waitUntilReady();
    workers = createJobWorkers({
      connection: redis.connection,
      prefix: redis.prefix,
      concurrency: 2,
      logger: testLogger(),
      handlers,
    });
  });

  afterAll(async () => {
    await workers.close();
    await events.close();
    await eventsConnection.quit();
    await yahoo.close();
    await queues.close();
    await redis.cleanup();
  });

  const finished = async (item: JobItem) => {
    const job = await yahoo.getJob(jobIdOf(item));
    if (!job) throw new Error(`job ${jobIdOf(item)} was not enqueued`);
    return job.waitUntilFinished(events, 10_000);
  };

  it("round-trips a job: validated payload in, handler result out", async () => {
    const item = unit("job-1", "7203.T");
    await queues.enqueueAll([item]);
    await expect(finished(item)).resolves.toEqual({ unit: "7203.T", rows: 3 });
    expect(seen).toEqual([item.data]);
  });

  it("never enqueues the same unit twice, however often it is asked", async () => {
    const item = unit("job-2", "6758.T");
    await yahoo.pause();
    await queues.enqueueAll([item, item]);
    await queues.enqueueAll([item]);
    expect(await queues.counts(PRICE_QUEUE.yahoo)).toMatchObject({ paused: 1 });
    await yahoo.resume();
    await finished(item);
    expect(seen.filter((payload) => payload.batchId === "job-2")).toHaveLength(1);
  });

  it("removes waiting jobs, and only those named", async () => {
    const [kept, removed] = [unit("job-3", "1301.T"), unit("job-3", "1332.T")];
    await yahoo.pause();
    await queues.enqueueAll([kept, removed]);
    await queues.removeAll([removed]);
    expect(await yahoo.getJob(jobIdOf(removed))).toBeUndefined();
    await yahoo.resume();
    await finished(kept);
    expect(seen.filter((payload) => payload.batchId === "job-3").map((payload) => payload.unit)).toEqual(["1301.T"]);
  });

  it("fails an invalid payload at once, without retries", async () => {
    const job = await yahoo.add(JOB.FETCH_PRICES, { batchId: "job-4" }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid payload for fetch-prices/);
    expect((await yahoo.getJob(job.id!))?.attemptsMade).toBe(1);
  });

  it("refuses a unit put on another provider's queue", async () => {
    const misplaced = { batchId: "job-5", provider: "jquants", unit: "2026-11-26", interval: "1d" };
    const job = await yahoo.add(JOB.FETCH_PRICES, misplaced, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/does not belong on queue "price-fetch"/);
  });
});
