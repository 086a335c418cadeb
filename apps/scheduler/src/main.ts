import { createLogger, createRedis, loadDotEnv, onShutdownSignal, runMain } from "@kabuto/core";
import { createDatabase } from "@kabuto/db";

import { loadSchedulerConfig } from "./env";

runMain("scheduler", async () => {
  loadDotEnv();
  const config = loadSchedulerConfig();
  const logger = createLogger({ service: "scheduler", ...config.log });
  const db = createDatabase(config.databaseUrl, { maxConnections: 2 });
  const redis = createRedis(config.redisUrl, "producer");
  redis.on("error", (error) => logger.warn("redis error", { error: error.message }));
  await db.pool.query("SELECT 1");
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    { name: "database", run: () => db.close() },
    { name: "redis", run: () => redis.quit() },
  ]);
  logger.info("scheduler started; schedules arrive with the master sync (issue 4)");
});
