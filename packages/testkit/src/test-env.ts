import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@kabuto/core";

/** The migrated database every test database is copied from (CREATE DATABASE … TEMPLATE). */
export const TEMPLATE_DATABASE = "kabuto_test_template";
/** Prefix of the per-test-file databases, dropped at the start of the next run if a run crashed. */
export const TEST_DATABASE_PREFIX = "kabuto_t_";

/** Where the servers are: the same variables the apps read. */
export function testServers() {
  return {
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: process.env.REDIS_URL || DEFAULT_REDIS_URL,
  };
}

/** `databaseUrl` with another database name. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
