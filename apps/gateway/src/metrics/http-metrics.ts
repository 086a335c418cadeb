import type { Request, RequestHandler } from "express";
import { Counter, Histogram, type Registry } from "prom-client";

import { createMetricsRegistry } from "@kabuto/core";

/** Label of requests that no route matched (unknown paths, and those refused before routing). */
export const UNMATCHED_ROUTE = "unmatched";

/** The gateway's Prometheus registry and the middleware that fills its HTTP metrics. */
export interface HttpMetrics {
  registry: Registry;
  /** Counts every request and times it, labelled by method, route pattern and status. */
  middleware: RequestHandler;
}

/**
 * A registry of its own per app, so that several apps in one process (tests, replicas in one
 * test) never clash over metric names; default process metrics included.
 */
export function createHttpMetrics(): HttpMetrics {
  const registry = createMetricsRegistry();
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const middleware: RequestHandler = (request, response, next) => {
    const stopTimer = duration.startTimer();
    const route = watchRoute(request);
    response.on("finish", () => {
      const labels = { method: request.method, route: route(), status: String(response.statusCode) };
      requests.inc(labels);
      stopTimer(labels);
    });
    next();
  };
  return { registry, middleware };
}

/**
 * The matched route's full pattern (`/api/bulk/status/:job_id`), never the raw path, so that
 * label values stay few. Express restores `baseUrl` when an error leaves a router, before the
 * response is sent, so the pattern is taken at the moment the router matches the route.
 */
function watchRoute(request: Request): () => string {
  let label = UNMATCHED_ROUTE;
  let route: unknown;
  Object.defineProperty(request, "route", {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      if (typeof value?.path === "string") label = `${request.baseUrl}${value.path}`;
    },
  });
  return () => label;
}
