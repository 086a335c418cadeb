import { z } from "zod";

import {
  DATASET_ENV,
  LISTEN_ENV,
  SERVICE_ENV,
  datasetConfig,
  httpUrlSchema,
  parseEnv,
  portSchema,
  requireApiKeyOffLoopback,
  serviceConfig,
} from "@kabuto/core";

const perMinute = z.coerce.number().int().positive("must be a positive whole number");

const GATEWAY_ENV = {
  ...SERVICE_ENV,
  ...LISTEN_ENV,
  ...DATASET_ENV,
  PORT: portSchema.default(3000),
  RATE_LIMIT_PER_MINUTE: perMinute.default(60),
  AUTH_FAILURES_PER_MINUTE: perMinute.default(10),
  PROGRESS_PUBLIC_URL: httpUrlSchema.optional(),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** The gateway's configuration, from the environment, validated once. */
export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(GATEWAY_ENV, source, requireApiKeyOffLoopback);
  return {
    ...serviceConfig(env),
    ...datasetConfig(env),
    http: { host: env.HOST, port: env.PORT },
    auth: {
      apiKey: env.API_KEY,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      failuresPerMinute: env.AUTH_FAILURES_PER_MINUTE,
    },
    /** Where browsers reach the progress service; unset: the page's host name, port 3001. */
    dashboard: { progressPublicUrl: env.PROGRESS_PUBLIC_URL },
  };
}
