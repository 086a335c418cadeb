import { COMMON_ENV, DATABASE_ENV, REDIS_ENV, defaultLogFormat, parseEnv } from "@kabuto/core";

const SCHEDULER_ENV = { ...COMMON_ENV, ...DATABASE_ENV, ...REDIS_ENV };

export type SchedulerConfig = ReturnType<typeof loadSchedulerConfig>;

/** The scheduler's configuration, from the environment, validated once. */
export function loadSchedulerConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(SCHEDULER_ENV, source);
  return {
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL, format: defaultLogFormat(env) },
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
  };
}
