import { Queue } from "bullmq";

import { QUEUE, createLogger, createRedis, loadDotEnv, onShutdownSignal, runMain } from "@kabuto/core";
import { createDatabase, createPriceQueues } from "@kabuto/db";

import { createScheduledActions } from "./actions";
import { loadSchedulerConfig } from "./env";
import { createScheduler } from "./schedule-runner";

runMain("scheduler", async () => {
  loadDotEnv();
  const config = loadSchedulerConfig();
  const logger = createLogger({ service: "scheduler", ...config.log });
  const db = createDatabase(config.databaseUrl, { maxConnections: 2 });
  const redis = createRedis(config.redisUrl, "producer");
  const subscriber = createRedis(config.redisUrl, "worker");
  for (const connection of [redis, subscriber]) {
    connection.on("error", (error) => logger.warn("redis error", { error: error.message }));
  }
  const masterSyncQueue = new Queue(QUEUE.MASTER_SYNC, { connection: redis, prefix: config.queuePrefix });
  const priceQueues = createPriceQueues(redis, config.queuePrefix);
  const queues = [masterSyncQueue, priceQueues.yahoo, priceQueues.jquants];
  for (const queue of queues) queue.on("error", (error) => logger.warn("queue error", { error: error.message }));
  await db.pool.query("SELECT 1");

  const scheduler = createScheduler({
    config,
    logger,
    prisma: db.prisma,
    redis,
    subscriber,
    actions: createScheduledActions({
      db,
      masterSyncQueue,
      masterSyncSource: config.masterSyncSource,
      priceQueues,
      dailyPricesProvider: config.dailyPricesProvider,
    }),
  });
  await scheduler.start();
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    { name: "scheduler", run: () => scheduler.stop() },
    { name: "queues", run: () => Promise.all(queues.map((queue) => queue.close())) },
    { name: "database", run: () => db.close() },
    { name: "redis", run: () => Promise.all([subscriber.quit(), redis.quit()]) },
  ]);
  logger.info("scheduler started", {
    master_sync_source: config.masterSyncSource,
    daily_prices_provider: config.dailyPricesProvider,
    schedules: scheduler.schedules().map((schedule) => ({
      job_name: schedule.jobName,
      cron_time: schedule.enabled ? `${schedule.cronTime} ${schedule.timezone}` : "disabled",
      next_run_at: schedule.nextRunAt,
    })),
  });
});
