import type { Redis } from "ioredis";

import { addressBucket } from "./address-bucket";

const WINDOW_MS = 60_000;

/** Failed API key attempts per client address, counted in Redis so every replica and both servers share them. */
export interface AuthFailureLimiter {
  /** Seconds until the address may try again when it has used up its failures this minute, else undefined. */
  blockedFor(address: string): Promise<number | undefined>;
  /** Counts one failed attempt of the address. */
  recordFailure(address: string): Promise<void>;
}

/**
 * At most `limit` failed attempts per address (IPv6: per /64) and clock minute. Callers ask
 * {@link AuthFailureLimiter.blockedFor} before comparing the key, so once the limit is reached
 * even the right key is refused until the minute ends: guessing cannot go on at full speed.
 * Redis errors reject; the caller decides how to refuse.
 */
export function createAuthFailureLimiter(redis: Redis, options: { limit: number; prefix: string }): AuthFailureLimiter {
  const keyOf = (address: string, now: number) =>
    `${options.prefix}:authfail:${addressBucket(address)}:${Math.floor(now / WINDOW_MS)}`;
  return {
    async blockedFor(address) {
      const now = Date.now();
      const failures = Number((await redis.get(keyOf(address, now))) ?? 0);
      return failures < options.limit ? undefined : Math.max(1, Math.ceil((WINDOW_MS - (now % WINDOW_MS)) / 1000));
    },
    async recordFailure(address) {
      const key = keyOf(address, Date.now());
      await redis.multi().incr(key).pexpire(key, WINDOW_MS).exec();
    },
  };
}
