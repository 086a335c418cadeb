import { Router } from "express";

import { HEALTH_CHECK_DOWN } from "@kabuto/contract";

import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { HEALTH_OPENAPI } from "./health.openapi";

/**
 * `GET /health`: 200 when PostgreSQL and Redis answer, 503 naming the one that does not. The
 * driver's reason is logged, never answered: it may name hosts, users and ports.
 */
export function healthRoutes(deps: Pick<FeatureContext, "db" | "redis" | "logger">): Router {
  const router = Router();
  const check = async (name: string, probe: () => Promise<unknown>) => {
    try {
      await probe();
      return "ok";
    } catch (error) {
      deps.logger.warn("health check failed", {
        check: name,
        error: error instanceof Error ? error.message : String(error),
      });
      return HEALTH_CHECK_DOWN;
    }
  };
  router.get("/health", async (_request, response) => {
    const [database, redis] = await Promise.all([
      check("database", () => deps.db.pool.query("SELECT 1")),
      check("redis", () => deps.redis.ping()),
    ]);
    const ok = database === "ok" && redis === "ok";
    response.status(ok ? 200 : 503).json({ status: ok ? "ok" : "degraded", checks: { database, redis } });
  });
  return router;
}

/** `/health`. */
export const healthFeature: GatewayFeature = { routes: healthRoutes, openapi: HEALTH_OPENAPI };
