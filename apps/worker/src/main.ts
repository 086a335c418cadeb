import {
  createUnitRunner,
  fleetPriceSources,
  jquantsClientSource,
  lastStoredBar,
  priceSourcesFrom,
  priceUnitStore,
  requestBatchQualityCheck,
} from "@kabuto/batches";
import {
  boundUrl,
  closeServer,
  connectionLog,
  createLogger,
  createMetricsRegistry,
  createRedis,
  createWorkerMetrics,
  loadDotEnv,
  logRedisConnection,
  observeUpstream,
  onShutdownSignal,
  publishProgress,
  QUEUE,
  runMain,
  startMetricsServer,
  tokyoDate,
  upstreamMetricsObserver,
} from "@kabuto/core";
import {
  batchProgressPublisher,
  createDatabase,
  progressPublisher,
  readDatasetProgress,
  type PublishProgress,
} from "@kabuto/db";
import { createJobWorkers, createQueueRepository } from "@kabuto/queue";

import { loadWorkerConfig } from "./env";
import { createDatasetBuildService } from "./datasets/dataset-build.service";
import { createJobHandlers } from "./job-handlers";
import { createMarketSeriesService } from "./market-series/market-series.service";
import { createListingSources } from "./master-sync/listing-sources";
import { createMasterSyncService } from "./master-sync/master-sync.service";
import { countedUnitStore } from "./prices/counted-unit-store";
import { createQualityCheckService } from "./quality/quality-check.service";

runMain("worker", async () => {
  loadDotEnv();
  const config = loadWorkerConfig();
  const logger = createLogger({ service: "worker", ...config.log });
  const registry = createMetricsRegistry();
  const metrics = createWorkerMetrics(registry);
  observeUpstream(upstreamMetricsObserver(metrics));
  const db = createDatabase(config.databaseUrl, { log: connectionLog(logger, "database") });
  const connection = createRedis(config.redis, "worker");
  logRedisConnection(connection, logger);
  const publish: PublishProgress = (event) => publishProgress(connection, config.queuePrefix, event);
  const progress = batchProgressPublisher({
    pool: db.pool,
    publish,
    onError: (error) => logger.warn("progress event not published", { error: String(error) }),
  });
  const datasetProgress = progressPublisher({
    read: (datasetId) => readDatasetProgress(db.prisma, datasetId),
    publish,
    onError: (error) => logger.warn("progress event not published", { error: String(error) }),
  });
  const sources = fleetPriceSources(
    priceSourcesFrom({
      prisma: db.prisma,
      upstream: config.upstream,
      encryptionKey: config.encryptionKey,
      gate: { redis: connection, prefix: config.queuePrefix },
    }),
    {
      redis: connection,
      prefix: config.queuePrefix,
      logger,
      cacheTtlSeconds: config.upstreamCacheTtlSeconds,
      timeoutMs: config.upstream.timeoutMs,
      yahoo: config.yahoo,
    },
  );
  // Enqueuing a completed batch's quality checks fails fast when Redis is down, so the unit's job retries it.
  const producer = createRedis(config.redis, "producer");
  logRedisConnection(producer, logger);
  const queues = createQueueRepository({ connection: producer, prefix: config.queuePrefix, logger });
  const units = createUnitRunner({
    db,
    progress,
    logger,
    systemPauseAfterMs: config.systemPauseAfterMs,
    onCompleted: (batchId) => requestBatchQualityCheck({ db, queues }, batchId),
  });
  const workers = createJobWorkers({
    connection,
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    queueConcurrency: { [QUEUE.DATASET]: 1 },
    lockMs: config.lockMs,
    rateLimitHoldMs: config.rateLimitHoldMs,
    logger,
    metrics,
    handlers: createJobHandlers({
      prices: {
        sources,
        units,
        store: countedUnitStore(priceUnitStore({ db, today: () => tokyoDate(new Date()) }), metrics),
        lastBar: lastStoredBar(db),
      },
      marketSeries: createMarketSeriesService({
        db,
        logger,
        jquants: jquantsClientSource({
          prisma: db.prisma,
          jquantsBaseUrl: config.upstream.jquantsBaseUrl,
          timeoutMs: config.upstream.timeoutMs,
          encryptionKey: config.encryptionKey,
          gate: { redis: connection, prefix: config.queuePrefix },
        }),
      }),
      masterSync: createMasterSyncService({
        db,
        logger,
        publish,
        sources: createListingSources({ prisma: db.prisma, ...config.upstream, encryptionKey: config.encryptionKey }),
      }),
      quality: createQualityCheckService({ db, logger }),
      datasets: createDatasetBuildService({
        db,
        logger,
        progress: datasetProgress,
        datasets: {
          dir: config.datasets.dir,
          retention: config.datasets.retention,
          limits: { memoryLimit: config.datasets.memoryLimit, threads: 2 },
        },
      }),
    }),
  });
  const metricsServer = config.metrics && (await startMetricsServer({ registry, logger, ...config.metrics }));
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    ...(metricsServer ? [{ name: "metrics", run: () => closeServer(metricsServer) }] : []),
    { name: "workers", run: () => workers.close() },
    { name: "progress events", run: () => Promise.all([progress.flush(), datasetProgress.flush()]) },
    { name: "queues", run: () => queues.close() },
    { name: "database", run: () => db.close() },
    { name: "redis", run: () => Promise.all([connection.quit(), producer.quit()]) },
  ]);
  logger.info("worker started", {
    concurrency: config.concurrency,
    queues: workers.workers.map((worker) => worker.name),
    ...(metricsServer ? { metrics_url: `${boundUrl(metricsServer)}/metrics` } : {}),
  });
});
