import { createServer } from "node:http";

import {
  boundUrl,
  closeServer,
  connectionLog,
  createLogger,
  createRedis,
  listen,
  loadDotEnv,
  logRedisConnection,
  onShutdownSignal,
  publishScheduleChanged,
  redisReady,
  runMain,
  type ScheduleJobName,
} from "@kabuto/core";
import { createDatabase } from "@kabuto/db";
import { createQueueRepository } from "@kabuto/queue";

import { createApp } from "./app";
import { loadGatewayConfig } from "./env";

runMain("gateway", async () => {
  loadDotEnv();
  const config = loadGatewayConfig();
  const logger = createLogger({ service: "gateway", ...config.log });
  const db = createDatabase(config.databaseUrl, { log: connectionLog(logger, "database") });
  const redis = createRedis(config.redis, "producer");
  logRedisConnection(redis, logger);
  if (!(await redisReady(redis))) logger.warn("redis is not answering yet; /health reports it");

  const queues = createQueueRepository({ connection: redis, prefix: config.queuePrefix, logger });
  const onScheduleChanged = (jobName: ScheduleJobName) => publishScheduleChanged(redis, config.queuePrefix, jobName);

  const server = createServer(createApp({ config, logger, db, redis, queues, onScheduleChanged }));
  await listen(server, config.http.port, config.http.host);
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    { name: "http", run: () => closeServer(server) },
    { name: "queues", run: () => queues.close() },
    { name: "database", run: () => db.close() },
    { name: "redis", run: () => redis.quit() },
  ]);
  logger.info("gateway listening", { url: boundUrl(server) });
});
