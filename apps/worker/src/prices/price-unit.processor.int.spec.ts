import { createServer, type Server } from "node:http";

import { Queue, QueueEvents } from "bullmq";

import { createUnitRunner, lastStoredBar, priceUnitStore } from "@kabuto/batches";
import {
  JOB,
  PRICE_QUEUE,
  jobOptionsOf,
  latestProgress,
  listen,
  progressChannel,
  publishProgress,
  type ProgressEvent,
} from "@kabuto/core";
import { batchProgressPublisher, batchRepository, type BatchRepository } from "@kabuto/db";
import { YahooChartClient, createPriceSources, type JQuantsClient } from "@kabuto/providers";
import { createJobWorkers, type JobHandlers, type JobWorkers } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { priceUnitProcessor } from "./price-unit.processor";

const DAY = 86_400;
const FIRST = 1_763_942_400;

function chart(symbol: string) {
  const closes = [1000, 1010, null, 1020];
  return {
    chart: {
      result: [
        {
          meta: { symbol, exchangeTimezoneName: "Asia/Tokyo" },
          timestamp: closes.map((_, index) => FIRST + index * DAY),
          indicators: {
            quote: [{ open: closes, high: closes, low: closes, close: closes, volume: closes.map(() => 100) }],
            adjclose: [{ adjclose: closes }],
          },
        },
      ],
      error: null,
    },
  };
}

describe("fetch-symbol jobs end to end (real Redis, PostgreSQL and HTTP)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let server: Server;
  let queue: Queue;
  let events: QueueEvents;
  let eventsConnection: TestRedis["connection"];
  let workers: JobWorkers;
  let batches: BatchRepository;
  let subscriber: TestRedis["connection"];
  const published: ProgressEvent[] = [];
  const flaky = new Map<string, number>();
  const rateLimited = new Set<string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    batches = batchRepository(db.prisma, db.pool);
    server = createServer((request, response) => {
      const symbol = decodeURIComponent(request.url!.split("/")[4]!.split("?")[0]!);
      if (symbol.startsWith("0000")) {
        response
          .writeHead(404, { "content-type": "application/json" })
          .end('{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found"}}}');
        return;
      }
      if (rateLimited.delete(symbol)) {
        response.writeHead(429, { "retry-after": "1" }).end();
        return;
      }
      const failuresLeft = flaky.get(symbol) ?? 0;
      if (failuresLeft > 0) {
        flaky.set(symbol, failuresLeft - 1);
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(chart(symbol)));
    });
    const yahoo = new YahooChartClient({
      baseUrl: `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`,
      timeoutMs: 2000,
    });
    subscriber = redis.connection.duplicate();
    await subscriber.subscribe(progressChannel(redis.prefix));
    subscriber.on("message", (_channel: string, message: string) => published.push(JSON.parse(message)));
    const progress = batchProgressPublisher({
      pool: db.pool,
      publish: (event) => publishProgress(redis.connection, redis.prefix, event),
      onError: (error) => {
        throw error;
      },
    });
    const handlers: JobHandlers = {
      [JOB.FETCH_PRICES]: priceUnitProcessor({
        store: priceUnitStore({ db, today: () => "2025-11-28" }),
        sources: createPriceSources({
          yahoo,
          jquants: () => Promise.reject<JQuantsClient>(new Error("this test fetches from Yahoo only")),
        }),
        units: createUnitRunner({ db, progress, logger: testLogger(), systemPauseAfterMs: 300_000 }),
        lastBar: lastStoredBar(db),
      }),
      [JOB.FETCH_MARKET_SERIES]: async () => undefined,
      [JOB.SYNC_MASTER]: async () => undefined,
      [JOB.CHECK_QUALITY]: async () => undefined,
      [JOB.BUILD_DATASET]: async () => undefined,
    };
    workers = createJobWorkers({
      connection: redis.connection,
      prefix: redis.prefix,
      concurrency: 8,
      logger: testLogger(),
      handlers,
    });
    queue = new Queue(PRICE_QUEUE.yahoo, { connection: redis.connection, prefix: redis.prefix });
    eventsConnection = redis.connection.duplicate();
    events = new QueueEvents(PRICE_QUEUE.yahoo, { connection: eventsConnection, prefix: redis.prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await workers.close();
    await subscriber.quit();
    await events.close();
    await eventsConnection.quit();
    await queue.close();
    await redis.cleanup();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  it("stores every bar once, counts failures by class, honours a 429, and completes the batch", async () => {
    const symbols = [...Array.from({ length: 20 }, (_, index) => `${1300 + index}.T`), "0000.T"];
    flaky.set("1301.T", 2);
    rateLimited.add("1302.T");
    await batches.create({
      id: "job-e2e",
      type: "partial",
      provider: "yahoo",
      unit: "symbols",
      interval: "1d",
      requestsEstimated: symbols.length,
      requestsUsed: 0,
      period: "1mo",
      units: symbols,
    });
    const jobs = await queue.addBulk(
      symbols.map((symbol) => {
        const item = {
          name: JOB.FETCH_PRICES,
          data: { batchId: "job-e2e", provider: "yahoo", unit: symbol, interval: "1d", period: "1mo" },
        } as const;
        return { ...item, opts: { ...jobOptionsOf(item), backoff: { type: "fixed", delay: 10 } } };
      }),
    );
    await Promise.all(jobs.map((job) => job.waitUntilFinished(events, 20_000).catch(() => undefined)));

    const batch = await db.prisma.batchExecution.findUniqueOrThrow({ where: { id: "job-e2e" } });
    expect(batch).toMatchObject({
      status: "completed",
      total: 21,
      processed: 21,
      successful: 20,
      failed: 1,
      records: 80n,
    });
    // four days each: 2025-11-26, a trading day without prices, is kept as a halt
    expect(await db.prisma.priceBar.count()).toBe(80);
    const unknown = await db.prisma.batchExecutionDetail.findUniqueOrThrow({
      where: { batchId_symbol: { batchId: "job-e2e", symbol: "0000.T" } },
    });
    expect(unknown).toMatchObject({ status: "failed", errorClass: "permanent", attempts: 1 });
    const retried = await db.prisma.batchExecutionDetail.findUniqueOrThrow({
      where: { batchId_symbol: { batchId: "job-e2e", symbol: "1301.T" } },
    });
    expect(retried).toMatchObject({ status: "completed", attempts: 3, recordsInserted: 4 });
    const held = await db.prisma.batchExecutionDetail.findUniqueOrThrow({
      where: { batchId_symbol: { batchId: "job-e2e", symbol: "1302.T" } },
    });
    expect(held).toMatchObject({ status: "completed", recordsInserted: 4 });
    expect(rateLimited.size).toBe(0);

    // progress: published in order, throttled, ending with exactly one terminal event
    await new Promise((resolve) => setTimeout(resolve, 300));
    const processed = published.map((event) => event.progress.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(published.filter((event) => event.status === "completed")).toHaveLength(1);
    expect(published.at(-1)).toMatchObject({
      batch_id: "job-e2e",
      status: "completed",
      unit: "symbols",
      progress: { total: 21, processed: 21, successful: 20, failed: 1, percentage: 100 },
      estimated_completion: null,
    });
    expect(published.length).toBeLessThan(21 * 2);
    expect(await latestProgress(redis.connection, redis.prefix, "job-e2e")).toEqual(published.at(-1));
  });
});
