import { Router } from "express";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { HEALTH_OPENAPI } from "./health.openapi";

/** `GET /health`: 200 when PostgreSQL and Redis answer, 503 naming the one that does not. */
export function healthRoutes(deps: Pick<FeatureContext, "db" | "redis">): Router {
  const router = Router();
  router.get("/health", async (_request, response) => {
    const [database, redis] = await Promise.all([
      check(() => deps.db.pool.query("SELECT 1")),
      check(() => deps.redis.ping()),
    ]);
    const ok = database === "ok" && redis === "ok";
    response.status(ok ? 200 : 503).json({ status: ok ? "ok" : "degraded", checks: { database, redis } });
  });
  return router;
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await probe();
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `/health`. */
export const healthFeature: GatewayFeature = { routes: healthRoutes, openapi: HEALTH_OPENAPI };
