import { z } from "zod";

import {
  COMMON_ENV,
  baseConfig,
  DATABASE_ENV,
  ENCRYPTION_ENV,
  REDIS_ENV,
  UPSTREAM_ENV,
  upstreamConfig,
  parseEnv,
} from "@kabuto/core";

const WORKER_ENV = {
  ...COMMON_ENV,
  ...DATABASE_ENV,
  ...REDIS_ENV,
  ...UPSTREAM_ENV,
  ...ENCRYPTION_ENV,
  YAHOO_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1, "must be at least 1").default(120),
  WORKER_LOCK_MS: z.coerce.number().int().min(1000, "must be at least 1000").default(30_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1, "must be at least 1").max(256, "must be at most 256").default(8),
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

/** The worker's configuration, from the environment, validated once. */
export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(WORKER_ENV, source);
  return {
    ...baseConfig(env),
    databaseUrl: env.DATABASE_URL,
    ...upstreamConfig(env),
    concurrency: env.WORKER_CONCURRENCY,
    lockMs: env.WORKER_LOCK_MS,
    yahooRequestsPerMinute: env.YAHOO_REQUESTS_PER_MINUTE,
  };
}
