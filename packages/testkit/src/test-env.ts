import { randomBytes } from "node:crypto";

import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@kabuto/core";

/** Prefix of every database the tests create; the rest of the name says when, so stale ones can go. */
const TEST_DATABASE_PREFIX = "kabuto_t_";
/** The variable through which the global setup tells test files which template to copy. */
const TEMPLATE_VARIABLE = "KABUTO_TEST_TEMPLATE";
/** Databases of runs older than this are left-overs of a crash; younger ones may be another run's. */
const STALE_AFTER_MS = 3 * 3600_000;

/** A fresh test database name: `kabuto_t_<epoch seconds>_<random>`. */
export function testDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
}

/** Whether a test database name belongs to a run that ended long ago. */
export function isStaleTestDatabase(name: string, now = Date.now()): boolean {
  const match = new RegExp(`^${TEST_DATABASE_PREFIX}(\\d+)_`).exec(name);
  return match !== null && Number(match[1]) * 1000 < now - STALE_AFTER_MS;
}

/** The migrated template of this jest run (set by the global setup). */
export function templateDatabase(): string {
  const name = process.env[TEMPLATE_VARIABLE];
  if (!name)
    throw new Error(
      `${TEMPLATE_VARIABLE} is not set: run the tests through jest (npm test), whose global setup migrates it`,
    );
  return name;
}

export function setTemplateDatabase(name: string): void {
  process.env[TEMPLATE_VARIABLE] = name;
}

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
