import {
  boundUrl,
  closeServer,
  createLogger,
  createMetricsRegistry,
  createRedis,
  listen,
  loadDotEnv,
  logRedisConnection,
  onShutdownSignal,
  registerProgressClientsGauge,
  runMain,
  startMetricsServer,
} from "@kabuto/core";

import { loadProgressConfig } from "./env";
import { createProgressServer } from "./progress-server";

runMain("progress", async () => {
  loadDotEnv();
  const config = loadProgressConfig();
  const logger = createLogger({ service: "progress", ...config.log });
  const redis = createRedis(config.redis, "worker");
  logRedisConnection(redis, logger);

  const server = createProgressServer({ config, logger, redis });
  await listen(server.http, config.http.port, config.http.host);
  const registry = createMetricsRegistry();
  registerProgressClientsGauge(registry, () => server.io.engine.clientsCount);
  const metricsServer = config.metrics && (await startMetricsServer({ registry, logger, ...config.metrics }));
  // Handlers first: a signal that arrives once readiness is announced must find them.
  onShutdownSignal(logger, [
    ...(metricsServer ? [{ name: "metrics", run: () => closeServer(metricsServer) }] : []),
    { name: "socket.io", run: () => server.close() },
    { name: "redis", run: () => redis.quit() },
  ]);
  logger.info("progress listening", {
    url: boundUrl(server.http),
    ...(metricsServer ? { metrics_url: `${boundUrl(metricsServer)}/metrics` } : {}),
  });
});
