import { QUEUE, createLogger, createRedis, loadDotEnv, onShutdownSignal, publishProgress, runMain } from "@kabuto/core";
import { batchProgressPublisher, batchRepository, createDatabase, type PublishProgress } from "@kabuto/db";
import { YahooChartClient } from "@kabuto/providers";

import { loadWorkerConfig } from "./env";
import { createJobHandlers } from "./job-handlers";
import { jquantsClientSource } from "./jquants-client-source";
import { createListingSources } from "./master-sync/listing-sources";
import { createMasterSyncService } from "./master-sync/master-sync.service";
import { systemErrorPauses } from "./prices/system-error-pauses";
import { createWorkers } from "./workers";

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

  const batches = batchRepository(db.prisma, db.pool);
  const workers = createWorkers({
    connection,
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    lockMs: config.lockMs,
    ratePerMinute: { [QUEUE.PRICE_FETCH]: config.yahooRequestsPerMinute },
    logger,
    handlers: createJobHandlers({
      prices: {
        db,
        batches,
        yahoo: new YahooChartClient({ baseUrl: config.upstream.yahooBaseUrl, timeoutMs: config.upstream.timeoutMs }),
        jquants: jquantsClientSource({
          prisma: db.prisma,
          ...config.upstream,
          encryptionKey: config.encryptionKey,
          gate: { redis: connection, prefix: config.queuePrefix },
        }),
        progress,
        pauses: systemErrorPauses({ batches, progress, logger }),
        logger,
      },
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
