import express, { Router, type Express } from "express";
import helmet from "helmet";
import type { Redis } from "ioredis";

import { createBatchControl, priceSourcesFrom } from "@kabuto/batches";
import { createSecretBox, publishProgress, type Logger } from "@kabuto/core";
import { batchProgressPublisher, type Database } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import { bulkRoutes } from "./bulk/bulk.routes";
import { createBulkService } from "./bulk/bulk.service";
import { companiesRoutes } from "./companies/companies.routes";
import { dashboardRoutes } from "./dashboard/dashboard.routes";
import { dataSourcesRoutes } from "./data-sources/data-sources.routes";
import type { GatewayConfig } from "./env";
import { healthRoutes } from "./health/health.routes";
import { apiKeyMiddleware } from "./http/api-key.middleware";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { rateLimitMiddleware } from "./http/rate-limit.middleware";
import { masterSyncRoutes } from "./master-sync/master-sync.routes";
import { stockMasterRoutes } from "./master-sync/stock-master.routes";
import { createHttpMetrics } from "./metrics/http-metrics";
import { metricsRoutes } from "./metrics/metrics.routes";
import { API_MOUNT_PATH, buildOpenApiDocument } from "./openapi/openapi-document";
import { openApiRoutes } from "./openapi/openapi.routes";
import { pricesRoutes } from "./prices/prices.routes";

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  db: Database;
  /** A producer connection: fails fast when Redis is down. */
  redis: Redis;
  /** Every queue: bulk jobs' units and master syncs are added there. */
  queues: QueueRepository;
  /** Tells the schedulers that a schedule changed, so they apply it without a restart. */
  onScheduleChanged: () => Promise<unknown>;
}

/**
 * The gateway's HTTP app, without listening: tests use it directly.
 *
 * A feature adds a route module (a `Router` factory) to the `/api` list below, behind the API key
 * and the rate limit, and its `*.openapi.ts` paths to `src/openapi/openapi-document.ts`. Handlers
 * may be async and throw `ApiError` (or call `validate()`): Express 5 forwards rejections to the
 * error handler, which answers with the error body.
 */
export function createApp(deps: GatewayDeps): Express {
  const app = express();
  const metrics = createHttpMetrics();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(metrics.middleware);
  app.use(helmet());
  app.use(express.json({ limit: "1mb" }));
  app.use(healthRoutes(deps));
  app.use(metricsRoutes(metrics.registry));
  app.use(
    dashboardRoutes({
      progressPublicUrl: deps.config.dashboard.progressPublicUrl,
      apiKeyRequired: deps.config.auth.apiKey !== undefined,
    }),
  );

  const api = Router();
  api.use(apiKeyMiddleware(deps.config.auth.apiKey));
  api.use(
    rateLimitMiddleware(deps.redis, { limit: deps.config.auth.rateLimitPerMinute, prefix: deps.config.queuePrefix }),
  );
  api.use(openApiRoutes(buildOpenApiDocument()));
  const progress = batchProgressPublisher({
    pool: deps.db.pool,
    publish: (event) => publishProgress(deps.redis, deps.config.queuePrefix, event),
    onError: (error) => deps.logger.warn("progress event not published", { error: String(error) }),
  });
  const sources = priceSourcesFrom({
    prisma: deps.db.prisma,
    upstream: deps.config.upstream,
    encryptionKey: deps.config.encryptionKey,
  });
  const control = createBatchControl({ db: deps.db, queues: deps.queues, sources, progress, logger: deps.logger });
  api.use(bulkRoutes({ db: deps.db, bulk: createBulkService(control) }));
  api.use(stockMasterRoutes(deps));
  api.use(masterSyncRoutes(deps));
  api.use(companiesRoutes(deps));
  api.use(pricesRoutes(deps));
  api.use(
    dataSourcesRoutes({
      db: deps.db,
      secretBox: deps.config.encryptionKey ? createSecretBox(deps.config.encryptionKey) : undefined,
      jquants: { baseUrl: deps.config.upstream.jquantsBaseUrl, timeoutMs: deps.config.upstream.timeoutMs },
    }),
  );
  app.use(API_MOUNT_PATH, api);

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
