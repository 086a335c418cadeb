import { createBatchControl, priceSourcesFrom, systemPauseResumer } from "@kabuto/batches";
import {
  boundUrl,
  closeServer,
  connectionLog,
  createLogger,
  createMetricsRegistry,
  createRedis,
  loadDotEnv,
  logRedisConnection,
  onShutdownSignal,
  publishProgress,
  registerBatchLastSuccessGauge,
  runMain,
  startMetricsServer,
} from "@kabuto/core";
import { batchProgressPublisher, createDatabase, lastCompletedBatches } from "@kabuto/db";
import { createQueueRepository } from "@kabuto/queue";

import { createScheduledActions } from "./actions";
import { loadSchedulerConfig } from "./env";
import { createScheduler } from "./schedule-runner";

runMain("scheduler", async () => {
  loadDotEnv();
  const config = loadSchedulerConfig();
  const logger = createLogger({ service: "scheduler", ...config.log });
  const db = createDatabase(config.databaseUrl, {
    maxConnections: 2,
    log: connectionLog(logger, "database"),
  });
  const redis = createRedis(config.redis, "producer");
  const subscriber = createRedis(config.redis, "worker");
  logRedisConnection(redis, logger, "redis");
  logRedisConnection(subscriber, logger, "redis subscriber");
  const queues = createQueueRepository({ connection: redis, prefix: config.queuePrefix, logger });
  const progress = batchProgressPublisher({
    pool: db.pool,
    publish: (event) => publishProgress(redis, config.queuePrefix, event),
    onError: (error) => logger.warn("progress event not published", { error: String(error) }),
  });
  const sources = priceSourcesFrom({
    prisma: db.prisma,
    upstream: config.upstream,
    encryptionKey: config.encryptionKey,
  });
  await db.pool.query("SELECT 1");
  const batches = createBatchControl({ db, queues, sources, progress, logger });
  const resumer = systemPauseResumer({ db, batches, logger, afterMs: config.systemResumeAfterMs });

  const scheduler = createScheduler({
    config,
    logger,
    prisma: db.prisma,
    redis,
    subscriber,
    actions: createScheduledActions({
      prisma: db.prisma,
      queues,
      masterSyncSource: config.masterSyncSource,
      batches,
      dailyPricesProvider: config.dailyPricesProvider,
    }),
  });
  await scheduler.start();
  resumer.start(Math.min(10_000, config.systemResumeAfterMs / 4));
  const registry = createMetricsRegistry();
  registerBatchLastSuccessGauge(registry, () => lastCompletedBatches(db.prisma));
  const metricsServer = config.metrics && (await startMetricsServer({ registry, logger, ...config.metrics }));
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    ...(metricsServer ? [{ name: "metrics", run: () => closeServer(metricsServer) }] : []),
    { name: "scheduler", run: () => scheduler.stop() },
    { name: "paused batch resumer", run: () => resumer.stop() },
    { name: "progress events", run: () => progress.flush() },
    { name: "queues", run: () => queues.close() },
    { name: "database", run: () => db.close() },
    { name: "redis", run: () => Promise.all([subscriber.quit(), redis.quit()]) },
  ]);
  logger.info("scheduler started", {
    ...(metricsServer ? { metrics_url: `${boundUrl(metricsServer)}/metrics` } : {}),
    master_sync_source: config.masterSyncSource,
    daily_prices_provider: config.dailyPricesProvider,
    schedules: scheduler.schedules().map((schedule) => ({
      job_name: schedule.jobName,
      cron_time: schedule.enabled ? `${schedule.cronTime} ${schedule.timezone}` : "disabled",
      next_run_at: schedule.nextRunAt,
    })),
  });
});
