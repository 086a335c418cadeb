import { z } from "zod";

import {
  COMMON_ENV,
  LISTEN_ENV,
  METRICS_ENV,
  REDIS_ENV,
  baseConfig,
  metricsConfig,
  parseEnv,
  portSchema,
  requireApiKeyOffLoopback,
} from "@kabuto/core";

/** The dashboard as the gateway serves it by default (PORT 3000, on this machine). */
export const DEFAULT_CORS_ORIGINS = ["http://127.0.0.1:3000", "http://localhost:3000"];

const origin = z.string().transform((text, context) => {
  try {
    const url = new URL(text);
    if (["http:", "https:"].includes(url.protocol) && url.pathname === "/" && !url.search && !url.hash) {
      return url.origin;
    }
  } catch {
    // reported below like any other malformed value
  }
  context.addIssue({ code: "custom", message: "must be http(s) origins (scheme://host[:port]) separated by commas" });
  return z.NEVER;
});

const PROGRESS_ENV = {
  ...COMMON_ENV,
  ...REDIS_ENV,
  ...LISTEN_ENV,
  ...METRICS_ENV,
  PROGRESS_PORT: portSchema.default(3001),
  PROGRESS_THROTTLE_MS: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").default(250),
  PROGRESS_CORS_ORIGINS: z
    .string()
    .transform((text) => text.split(",").map((entry) => entry.trim()))
    .pipe(z.array(origin))
    .default(DEFAULT_CORS_ORIGINS),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive("must be a positive whole number").default(10),
};

export type ProgressConfig = ReturnType<typeof loadProgressConfig>;

/** The progress service's configuration, from the environment, validated once. */
export function loadProgressConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(PROGRESS_ENV, source, requireApiKeyOffLoopback);
  return {
    ...baseConfig(env),
    metrics: metricsConfig(env),
    http: { host: env.HOST, port: env.PROGRESS_PORT },
    /** Browser pages (by Origin) that may connect; clients that send no Origin (the CLI) are not browsers. */
    cors: { origins: env.PROGRESS_CORS_ORIGINS },
    auth: { apiKey: env.API_KEY, failuresPerMinute: env.AUTH_FAILURES_PER_MINUTE },
    throttle: { intervalMs: env.PROGRESS_THROTTLE_MS },
  };
}
