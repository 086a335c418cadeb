import { z } from "zod";

import {
  MASTER_SOURCES,
  METRICS_ENV,
  PROVIDERS,
  SERVICE_ENV,
  metricsConfig,
  parseEnv,
  serviceConfig,
} from "@kabuto/core";

const SCHEDULER_ENV = {
  ...SERVICE_ENV,
  ...METRICS_ENV,
  /** Where a scheduled master sync reads the listed companies from. */
  MASTER_SYNC_SOURCE: z.enum(MASTER_SOURCES, { message: "must be jpx or jquants" }).default("jpx"),
  /** Where the daily price update (19:00 on trading days) fetches from. */
  DAILY_PRICES_PROVIDER: z.enum(PROVIDERS, { message: "must be yahoo or jquants" }).default("yahoo"),
  /** How often the schedules are re-read in case a change notification was missed. */
  SCHEDULE_REFRESH_SECONDS: z.coerce
    .number({ message: "must be a number of seconds" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 3600")
    .max(3600, "must be between 1 and 3600")
    .default(30),
  /** How long the database must answer again before a daily update Kabuto paused resumes by itself. */
  SYSTEM_RESUME_AFTER_MS: z.coerce
    .number()
    .int("must be a whole number")
    .min(1000, "must be at least 1000")
    .default(60_000),
};

export type SchedulerConfig = ReturnType<typeof loadSchedulerConfig>;

/** The scheduler's configuration, from the environment, validated once. */
export function loadSchedulerConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(SCHEDULER_ENV, source);
  return {
    ...serviceConfig(env),
    metrics: metricsConfig(env),
    masterSyncSource: env.MASTER_SYNC_SOURCE,
    dailyPricesProvider: env.DAILY_PRICES_PROVIDER,
    refreshIntervalMs: env.SCHEDULE_REFRESH_SECONDS * 1000,
    systemResumeAfterMs: env.SYSTEM_RESUME_AFTER_MS,
  };
}
