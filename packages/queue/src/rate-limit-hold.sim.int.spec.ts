import { Queue, QueueEvents } from "bullmq";

import { JOB, PRICE_QUEUE, jobIdOf, type JobItem } from "@kabuto/core";
import { startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { YahooChartClient } from "@kabuto/providers";
import { createTestRedis, testLogger, waitUntil, type TestRedis } from "@kabuto/testkit";

import type { JobHandlers } from "./job-handler";
import { createJobWorkers, type JobWorkers } from "./job-workers";
import { createQueueRepository, type QueueRepository } from "./queue.repository";

/** Short, so the test is quick; long enough that a retry of the job or the next job would fall inside it. */
const HOLD_MS = 3_000;

describe("a 429 without Retry-After holds the whole queue (real Redis and the simulator)", () => {
  let sim: MarketSim;
  let redis: TestRedis;
  let queues: QueueRepository;
  let yahoo: Queue;
  let events: QueueEvents;
  let eventsConnection: TestRedis["connection"];
  let workers: JobWorkers;
  /** Every chart request a job made: when, for which symbol, and how it ended. */
  const requests: { symbol: string; at: number; outcome: "ok" | "failed" }[] = [];

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 5 });
    const client = new YahooChartClient({ baseUrl: sim.yahooBaseUrl, timeoutMs: 5_000 });
    const handlers: JobHandlers = {
      [JOB.FETCH_PRICES]: async (payload) => {
        const at = Date.now();
        try {
          const { bars } = await client.fetchBars({ symbol: payload.unit, interval: "1d", range: "5d" });
          requests.push({ symbol: payload.unit, at, outcome: "ok" });
          return { unit: payload.unit, rows: bars.length };
        } catch (error) {
          requests.push({ symbol: payload.unit, at, outcome: "failed" });
          throw error;
        }
      },
      [JOB.FETCH_MARKET_SERIES]: async () => undefined,
      [JOB.SYNC_MASTER]: async () => undefined,
      [JOB.CHECK_QUALITY]: async () => undefined,
      [JOB.BUILD_DATASET]: async () => undefined,
    };
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    yahoo = new Queue(PRICE_QUEUE.yahoo, { connection: redis.connection, prefix: redis.prefix });
    eventsConnection = redis.connection.duplicate();
    events = new QueueEvents(PRICE_QUEUE.yahoo, { connection: eventsConnection, prefix: redis.prefix });
    await events.waitUntilReady();
    workers = createJobWorkers({
      connection: redis.connection,
      prefix: redis.prefix,
      concurrency: 1,
      logger: testLogger(),
      handlers,
      rateLimitHoldMs: HOLD_MS,
    });
  });

  afterAll(async () => {
    await workers.close();
    await events.close();
    await eventsConnection.quit();
    await yahoo.close();
    await queues.close();
    await redis.cleanup();
    await sim.close();
  });

  const unit = (symbol: string): JobItem => ({
    name: JOB.FETCH_PRICES,
    data: { batchId: "job-429", provider: "yahoo", unit: symbol, interval: "1d", period: "5d" },
  });

  it("asks nothing more for the hold, then completes every job, the refused one included", async () => {
    await sim.setFaults({ rateLimitPerMinute: 1, rateLimitRetryAfter: false });
    const items = ["7203.T", "6758.T", "1301.T"].map(unit);
    await queues.enqueueAll(items);
    const refused = await waitUntil(
      "the simulator's first 429",
      () => requests.find((request) => request.outcome === "failed"),
      (request) => request !== undefined,
    );
    // The upstream's minute would outlast the test: lift the limit, so only the hold keeps the queue waiting.
    await sim.setFaults({});
    const results = await Promise.all(
      items.map(async (item) => {
        const job = await yahoo.getJob(jobIdOf(item));
        if (!job) throw new Error(`job ${jobIdOf(item)} was not enqueued`);
        return job.waitUntilFinished(events, 20_000) as Promise<{ unit: string }>;
      }),
    );

    expect(results.map((result) => result.unit)).toEqual(["7203.T", "6758.T", "1301.T"]);
    expect((await sim.requests())["yahoo:/v8/finance/chart 429"]).toBe(1);
    const after = requests.filter((request) => request.at > refused!.at);
    expect(after.map((request) => request.outcome)).toEqual(["ok", "ok"]);
    expect(Math.min(...after.map((request) => request.at)) - refused!.at).toBeGreaterThanOrEqual(HOLD_MS - 100);
    const retried = await yahoo.getJob(jobIdOf(unit(refused!.symbol)));
    expect(retried?.attemptsMade).toBe(1);
  });
});
