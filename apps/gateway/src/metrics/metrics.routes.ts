import { Router } from "express";
import type { Registry } from "prom-client";

/** `GET /metrics`: the registry in Prometheus' text format. */
export function metricsRoutes(registry: Registry): Router {
  const router = Router();
  router.get("/metrics", async (_request, response) => {
    response.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
