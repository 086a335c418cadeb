import { z } from "zod";

import { SERVICE_ENV, httpUrlSchema, parseEnv, portSchema, serviceConfig } from "@kabuto/core";

const GATEWAY_ENV = {
  ...SERVICE_ENV,
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
    ...serviceConfig(env),
    http: { port: env.PORT },
    auth: { apiKey: env.API_KEY, rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE },
    /** Where browsers reach the progress service; unset: the page's host name, port 3001. */
    dashboard: { progressPublicUrl: env.PROGRESS_PUBLIC_URL },
  };
}
