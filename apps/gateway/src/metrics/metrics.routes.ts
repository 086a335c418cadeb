import { Router } from "express";

import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { METRICS_OPENAPI } from "./metrics.openapi";

/** `GET /metrics`: the registry in Prometheus' text format. */
export function metricsRoutes(deps: Pick<FeatureContext, "metrics">): Router {
  const router = Router();
  router.get("/metrics", async (_request, response) => {
    response.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
  return router;
}

/** `/metrics`. */
export const metricsFeature: GatewayFeature = { routes: metricsRoutes, openapi: METRICS_OPENAPI };
