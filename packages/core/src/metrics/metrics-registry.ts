import { Registry, collectDefaultMetrics } from "prom-client";

/**
 * A registry of its own per app, with the default process metrics, so that several apps in one
 * process (tests) never clash over metric names.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
