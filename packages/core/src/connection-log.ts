import type { Redis } from "ioredis";

import type { Logger } from "./logger";

/** How often a connection that stays lost is logged again, so a long outage still shows in the log. */
const REMIND_AFTER_MS = 60_000;

/** What a connection's listeners call: `lost` on every error, `back` once it answers again. */
export interface ConnectionLog {
  lost(error: Error): void;
  back(): void;
}

/**
 * Logs a lost connection once, not on every failed reconnect attempt (ioredis emits `'error'` on
 * each, a pg Pool once per idle client), and its return once; a loss that lasts is logged again
 * every minute.
 */
export function connectionLog(logger: Logger, connection: string, now: () => number = Date.now): ConnectionLog {
  let lostAt: number | undefined;
  let loggedAt = 0;
  return {
    lost(error) {
      const time = now();
      if (lostAt !== undefined && time - loggedAt < REMIND_AFTER_MS) return;
      lostAt ??= time;
      loggedAt = time;
      logger.warn(`${connection} connection lost; retrying`, {
        error: error.message,
        lost_for_ms: time - lostAt,
      });
    },
    back() {
      if (lostAt === undefined) return;
      logger.info(`${connection} connection back`, { lost_for_ms: now() - lostAt });
      lostAt = undefined;
    },
  };
}

/** The ioredis side of {@link connectionLog}: errors while reconnecting, `ready` once back. */
export function logRedisConnection(redis: Redis, logger: Logger, connection = "redis"): void {
  const log = connectionLog(logger, connection);
  redis.on("error", (error: Error) => log.lost(error));
  redis.on("ready", () => log.back());
}
