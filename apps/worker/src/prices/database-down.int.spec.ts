import { Queue } from "bullmq";

import { DEFAULT_JOB_OPTIONS, JOB, QUEUE, jobId } from "@kabuto/core";
import { createTestRedis, spawnApp, testServers, type TestRedis } from "@kabuto/testkit";

describe("a worker whose database is unreachable (real Redis, real process)", () => {
  let redis: TestRedis;
  let queue: Queue;

  beforeAll(() => {
    redis = createTestRedis();
    queue = new Queue(QUEUE.PRICE_FETCH, { connection: redis.connection, prefix: redis.prefix });
  });

  afterAll(async () => {
    await queue.close();
    await redis.cleanup();
  });

  it("holds the queue as a system error instead of failing the symbol", async () => {
    const payload = { batchId: "job-db-down", symbol: "7203.T", provider: "yahoo", interval: "1d", period: "1mo" };
    const job = await queue.add(JOB.FETCH_SYMBOL, payload, {
      ...DEFAULT_JOB_OPTIONS[QUEUE.PRICE_FETCH],
      jobId: jobId("job-db-down", "7203.T"),
    });
    const worker = spawnApp("worker", {
      DATABASE_URL: "postgresql://kabuto:kabuto@127.0.0.1:1/kabuto",
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: redis.prefix,
      YAHOO_REQUESTS_PER_MINUTE: "6000",
    });
    try {
      await worker.waitFor(/system error, holding the queue/);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const held = await queue.getJob(job.id!);
      expect(await held!.getState()).not.toBe("failed");
      expect(held!.attemptsMade).toBe(0);
      expect(worker.stderr()).toMatch(/database unreachable: .*ECONNREFUSED/);
    } finally {
      worker.process.kill("SIGTERM");
      await worker.exited();
    }
  });
});
