import { z } from "zod";

import { COMMON_ENV, REDIS_ENV, baseConfig, parseEnv, portSchema } from "@kabuto/core";

const PROGRESS_ENV = {
  ...COMMON_ENV,
  ...REDIS_ENV,
  PROGRESS_PORT: portSchema.default(3001),
  API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  PROGRESS_THROTTLE_MS: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").default(250),
};

export type ProgressConfig = ReturnType<typeof loadProgressConfig>;

/** The progress service's configuration, from the environment, validated once. */
export function loadProgressConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(PROGRESS_ENV, source);
  return {
    ...baseConfig(env),
    http: { port: env.PROGRESS_PORT },
    auth: { apiKey: env.API_KEY },
    throttle: { intervalMs: env.PROGRESS_THROTTLE_MS },
  };
}
