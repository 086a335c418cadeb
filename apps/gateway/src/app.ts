import express, { Router, type Express } from "express";
import helmet from "helmet";
import type { Redis } from "ioredis";

import { createBatchControl, priceSourcesFrom } from "@kabuto/batches";
import {
  createAuthFailureLimiter,
  createSecretBox,
  publishProgress,
  type Logger,
  type ScheduleJobName,
} from "@kabuto/core";
import { batchProgressPublisher, type Database } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import { bulkFeature } from "./bulk/bulk.routes";
import { createBulkService } from "./bulk/bulk.service";
import { calendarFeature } from "./calendar/calendar.routes";
import { companiesFeature } from "./companies/companies.routes";
import { dashboardFeature } from "./dashboard/dashboard.routes";
import { dataSourcesFeature } from "./data-sources/data-sources.routes";
import { datasetsFeature } from "./datasets/datasets.routes";
import type { GatewayConfig } from "./env";
import { healthFeature } from "./health/health.routes";
import { apiKeyMiddleware } from "./http/api-key.middleware";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import type { FeatureContext, GatewayFeature } from "./http/gateway-feature";
import { rateLimitMiddleware } from "./http/rate-limit.middleware";
import { marketSeriesFeature } from "./market-series/market-series.routes";
import { masterSyncFeature } from "./master-sync/master-sync.routes";
import { stockMasterFeature } from "./master-sync/stock-master.routes";
import { createHttpMetrics } from "./metrics/http-metrics";
import { metricsFeature } from "./metrics/metrics.routes";
import { registerQueueMetrics } from "./metrics/queue-metrics";
import { API_MOUNT_PATH, buildOpenApiDocument } from "./openapi/openapi-document";
import { openApiFeature } from "./openapi/openapi.routes";
import { priceScheduleFeature } from "./price-schedule/price-schedule.routes";
import { pricesFeature } from "./prices/prices.routes";
import { qualityFeature } from "./quality/quality.routes";
import { queueBoardFeature } from "./queue-board/queue-board.routes";

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  db: Database;
  /** A producer connection: fails fast when Redis is down. */
  redis: Redis;
  /** Every queue: bulk jobs' units and master syncs are added there. */
  queues: QueueRepository;
  /** Tells the schedulers that a schedule changed, so they apply it without a restart. */
  onScheduleChanged: (jobName: ScheduleJobName) => Promise<unknown>;
}

/** Features served without the API key: ops and the dashboard. */
const PUBLIC_FEATURES: readonly GatewayFeature[] = [healthFeature, metricsFeature, dashboardFeature];

/** Features with their own path and their own check of the API key. */
const ADMIN_FEATURES: readonly GatewayFeature[] = [queueBoardFeature];

/** Features under `/api`, behind the API key and the rate limit. */
const API_FEATURES: readonly GatewayFeature[] = [
  openApiFeature,
  bulkFeature,
  stockMasterFeature,
  masterSyncFeature,
  companiesFeature,
  // before the prices: `/v1/prices/:code` would take "schedule" for a code
  priceScheduleFeature,
  pricesFeature,
  marketSeriesFeature,
  qualityFeature,
  dataSourcesFeature,
  calendarFeature,
  datasetsFeature,
];

/** The OpenAPI document of every route the app serves. */
export function gatewayOpenApiDocument() {
  return buildOpenApiDocument(
    [...PUBLIC_FEATURES, ...ADMIN_FEATURES, ...API_FEATURES].flatMap((feature) => feature.openapi),
  );
}

/**
 * The gateway's HTTP app, without listening: tests use it directly.
 *
 * A feature folder exports its routes with their OpenAPI operations (a {@link GatewayFeature});
 * adding it to one of the lists above serves and documents it. Handlers may be async and throw
 * `ApiError` (or call `validate()`): Express 5 forwards rejections to the error handler, which
 * answers with the error body.
 */
export function createApp(deps: GatewayDeps): Express {
  const app = express();
  const metrics = createHttpMetrics();
  registerQueueMetrics(metrics.registry, deps.queues);
  const progress = batchProgressPublisher({
    pool: deps.db.pool,
    publish: (event) => publishProgress(deps.redis, deps.config.queuePrefix, event),
    onError: (error) => deps.logger.warn("progress event not published", { error: String(error) }),
  });
  const context: FeatureContext = {
    ...deps,
    metrics: metrics.registry,
    bulk: createBulkService(
      createBatchControl({
        db: deps.db,
        queues: deps.queues,
        sources: priceSourcesFrom({
          prisma: deps.db.prisma,
          upstream: deps.config.upstream,
          encryptionKey: deps.config.encryptionKey,
        }),
        progress,
        logger: deps.logger,
      }),
    ),
    secretBox: deps.config.encryptionKey ? createSecretBox(deps.config.encryptionKey) : undefined,
    openApiDocument: gatewayOpenApiDocument(),
  };

  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(metrics.middleware);
  app.use(helmet());
  app.use(express.json({ limit: "1mb" }));
  for (const feature of PUBLIC_FEATURES) app.use(feature.routes(context));
  for (const feature of ADMIN_FEATURES) app.use(feature.routes(context));

  const api = Router();
  const { auth, queuePrefix: prefix } = deps.config;
  api.use(
    apiKeyMiddleware(auth.apiKey, createAuthFailureLimiter(deps.redis, { limit: auth.failuresPerMinute, prefix })),
  );
  api.use(rateLimitMiddleware(deps.redis, { limit: auth.rateLimitPerMinute, prefix, apiKey: auth.apiKey }));
  for (const feature of API_FEATURES) api.use(feature.routes(context));
  app.use(API_MOUNT_PATH, api);

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
