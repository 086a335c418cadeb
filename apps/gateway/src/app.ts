import express, { type Express } from "express";
import helmet from "helmet";
import type { Redis } from "ioredis";

import type { Logger } from "@kabuto/core";
import type { Database } from "@kabuto/db";

import type { GatewayConfig } from "./env";
import { healthRoutes } from "./health/health.routes";
import { errorHandler, notFoundHandler } from "./http/error-handler";

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  db: Database;
  /** A producer connection: fails fast when Redis is down. */
  redis: Redis;
}

/** The gateway's HTTP app, without listening: tests use it directly. */
export function createApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(helmet());
  app.use(express.json({ limit: "1mb" }));
  app.use(healthRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
