import { Queue } from "bullmq";

import { JOB, PRICE_QUEUE, jobOptionsOf, type JobItem } from "@kabuto/core";
import { createTestRedis, spawnApp, testServers, type TestRedis } from "@kabuto/testkit";

describe("a worker whose database is unreachable (real Redis, real process)", () => {
  let redis: TestRedis;
  let queue: Queue;

  beforeAll(() => {
    redis = createTestRedis();
    queue = new Queue(PRICE_QUEUE.yahoo, { connection: redis.connection, prefix: redis.prefix });
  });

  afterAll(async () => {
    await queue.close();
    await redis.cleanup();
  });

  it("holds the queue as a system error instead of failing the symbol", async () => {
    const item: JobItem = {
      name: JOB.FETCH_PRICES,
      data: { batchId: "job-db-down", provider: "yahoo", unit: "7203.T", interval: "1d", period: "1mo" },
    };
    const job = await queue.add(item.name, item.data, jobOptionsOf(item));
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
