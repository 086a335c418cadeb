import { z } from "zod";

import {
  DATASET_ENV,
  DEFAULT_RATE_LIMIT_HOLD_MS,
  METRICS_ENV,
  SERVICE_ENV,
  datasetConfig,
  metricsConfig,
  parseEnv,
  serviceConfig,
} from "@kabuto/core";

const WORKER_ENV = {
  ...SERVICE_ENV,
  ...METRICS_ENV,
  ...DATASET_ENV,
  YAHOO_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1, "must be at least 1").default(120),
  YAHOO_MIN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1, "must be at least 1").default(10),
  UPSTREAM_CACHE_TTL_SECONDS: z.coerce.number().int().min(0, "must be at least 0").default(300),
  WORKER_LOCK_MS: z.coerce.number().int().min(1000, "must be at least 1000").default(30_000),
  UPSTREAM_429_HOLD_MS: z.coerce.number().int().min(1000, "must be at least 1000").default(DEFAULT_RATE_LIMIT_HOLD_MS),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1, "must be at least 1").max(256, "must be at most 256").default(8),
  /** A database outage at least this long pauses the batches it met; a shorter one is ridden out. */
  SYSTEM_PAUSE_AFTER_MS: z.coerce.number().int().min(1000, "must be at least 1000").default(300_000),
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

/** The worker's configuration, from the environment, validated once. */
export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(WORKER_ENV, source);
  return {
    ...serviceConfig(env),
    metrics: metricsConfig(env),
    ...datasetConfig(env),
    concurrency: env.WORKER_CONCURRENCY,
    lockMs: env.WORKER_LOCK_MS,
    yahoo: {
      ceilingPerMinute: env.YAHOO_REQUESTS_PER_MINUTE,
      floorPerMinute: Math.min(env.YAHOO_MIN_REQUESTS_PER_MINUTE, env.YAHOO_REQUESTS_PER_MINUTE),
      holdMs: env.UPSTREAM_429_HOLD_MS,
    },
    upstreamCacheTtlSeconds: env.UPSTREAM_CACHE_TTL_SECONDS,
    systemPauseAfterMs: env.SYSTEM_PAUSE_AFTER_MS,
    rateLimitHoldMs: env.UPSTREAM_429_HOLD_MS,
  };
}
