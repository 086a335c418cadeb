import { Queue, QueueEvents } from "bullmq";

import { JOB, QUEUE, jobId } from "@kabuto/core";
import { createTestRedis, testLogger, type TestRedis } from "@kabuto/testkit";

import type { JobHandlers } from "./job-handler";
import { createWorkers, type Workers } from "./workers";

describe("workers (real Redis)", () => {
  let redis: TestRedis;
  let queue: Queue;
  let events: QueueEvents;
  let eventsConnection: TestRedis["connection"];
  let workers: Workers;
  const seen: unknown[] = [];

  const handlers: JobHandlers = {
    [JOB.FETCH_SYMBOL]: async (payload) => {
      seen.push(payload);
      return { symbol: payload.symbol, rows: 3 };
    },
    [JOB.FETCH_DATE]: async () => undefined,
    [JOB.SYNC_MASTER]: async () => undefined,
  };

  beforeAll(async () => {
    redis = createTestRedis();
    const connection = { connection: redis.connection, prefix: redis.prefix };
    queue = new Queue(QUEUE.PRICE_FETCH, connection);
    eventsConnection = redis.connection.duplicate();
    events = new QueueEvents(QUEUE.PRICE_FETCH, { ...connection, connection: eventsConnection });
    await events.waitUntilReady();
    workers = createWorkers({
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
    await queue.close();
    await redis.cleanup();
  });

  it("round-trips a job: validated payload in, handler result out", async () => {
    const payload = { batchId: "job-1", symbol: "7203.T", provider: "yahoo", interval: "1d", period: "1mo" };
    const job = await queue.add(JOB.FETCH_SYMBOL, payload, { jobId: jobId("job-1", "7203.T") });
    await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ symbol: "7203.T", rows: 3 });
    expect(seen).toEqual([payload]);
  });

  it("never enqueues the same unit twice", async () => {
    const payload = { batchId: "job-2", symbol: "6758.T", provider: "yahoo", interval: "1d" };
    const first = await queue.add(JOB.FETCH_SYMBOL, payload, { jobId: jobId("job-2", "6758.T") });
    const second = await queue.add(JOB.FETCH_SYMBOL, payload, { jobId: jobId("job-2", "6758.T") });
    expect(second.id).toBe(first.id);
    await first.waitUntilFinished(events, 10_000);
    expect(seen.filter((one) => (one as { batchId: string }).batchId === "job-2")).toHaveLength(1);
  });

  it("fails an invalid payload at once, without retries", async () => {
    const job = await queue.add(JOB.FETCH_SYMBOL, { batchId: "job-3" }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid payload for fetch-symbol/);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
  });
});
