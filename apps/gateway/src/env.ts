import { z } from "zod";

import {
  COMMON_ENV,
  DATABASE_ENV,
  ENCRYPTION_ENV,
  REDIS_ENV,
  UPSTREAM_ENV,
  decodeEncryptionKey,
  defaultLogFormat,
  httpUrlSchema,
  parseEnv,
  portSchema,
} from "@kabuto/core";

const GATEWAY_ENV = {
  ...COMMON_ENV,
  ...DATABASE_ENV,
  ...REDIS_ENV,
  ...UPSTREAM_ENV,
  ...ENCRYPTION_ENV,
  PORT: portSchema.default(3000),
  API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive("must be a positive whole number").default(60),
  PROGRESS_PUBLIC_URL: httpUrlSchema.optional(),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** The gateway's configuration, from the environment, validated once. */
export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(GATEWAY_ENV, source);
  return {
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL, format: defaultLogFormat(env) },
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    upstream: {
      yahooBaseUrl: env.YAHOO_BASE_URL,
      jquantsBaseUrl: env.JQUANTS_BASE_URL,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    },
    encryptionKey: env.ENCRYPTION_KEY === undefined ? undefined : decodeEncryptionKey(env.ENCRYPTION_KEY),
    http: { port: env.PORT },
    auth: { apiKey: env.API_KEY, rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE },
    /** Where browsers reach the progress service; unset: the page's host name, port 3001. */
    dashboard: { progressPublicUrl: env.PROGRESS_PUBLIC_URL },
  };
}
