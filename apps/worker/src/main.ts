import { createUnitRunner, jquantsClientSource, priceSourcesFrom, priceUnitStore } from "@kabuto/batches";
import {
  QUEUE,
  createLogger,
  createRedis,
  loadDotEnv,
  onShutdownSignal,
  publishProgress,
  runMain,
  tokyoDate,
} from "@kabuto/core";
import { batchProgressPublisher, createDatabase, type PublishProgress } from "@kabuto/db";
import { createJobWorkers } from "@kabuto/queue";

import { loadWorkerConfig } from "./env";
import { createJobHandlers } from "./job-handlers";
import { createMarketSeriesService } from "./market-series/market-series.service";
import { createListingSources } from "./master-sync/listing-sources";
import { createMasterSyncService } from "./master-sync/master-sync.service";

runMain("worker", async () => {
  loadDotEnv();
  const config = loadWorkerConfig();
  const logger = createLogger({ service: "worker", ...config.log });
  const db = createDatabase(config.databaseUrl);
  const connection = createRedis(config.redisUrl, "worker");
  connection.on("error", (error) => logger.warn("redis error", { error: error.message }));
  const publish: PublishProgress = (event) => publishProgress(connection, config.queuePrefix, event);
  const progress = batchProgressPublisher({
    pool: db.pool,
    publish,
    onError: (error) => logger.warn("progress event not published", { error: String(error) }),
  });
  const sources = priceSourcesFrom({
    prisma: db.prisma,
    upstream: config.upstream,
    encryptionKey: config.encryptionKey,
    gate: { redis: connection, prefix: config.queuePrefix },
  });
  const units = createUnitRunner({ db, progress, logger });
  const workers = createJobWorkers({
    connection,
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    lockMs: config.lockMs,
    ratePerMinute: { [QUEUE.PRICE_FETCH]: config.yahooRequestsPerMinute },
    logger,
    handlers: createJobHandlers({
      prices: { sources, units, store: priceUnitStore({ db, today: () => tokyoDate(new Date()) }) },
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
    }),
  });
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    { name: "workers", run: () => workers.close() },
    { name: "progress events", run: () => progress.flush() },
    { name: "database", run: () => db.close() },
    { name: "redis", run: () => connection.quit() },
  ]);
  logger.info("worker started", {
    concurrency: config.concurrency,
    queues: workers.workers.map((worker) => worker.name),
  });
});
