import type { Redis } from "ioredis";

/**
 * A per-minute rate spread over the minute as `max` per `duration` ms: a whole minute's allowance
 * at once would burst into an upstream's own window and draw 429s.
 */
export function smoothLimiter(perMinute: number): { max: number; duration: number } {
  const max = Math.max(1, Math.floor(perMinute / 60));
  return { max, duration: Math.ceil((60_000 * max) / perMinute) };
}

const TAKE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/**
 * A request gate shared by every process through Redis: `acquire()` resolves when this request
 * fits the rate (smoothLimiter's windows, counted in one Redis key per window), waiting for the
 * next window otherwise. For upstreams whose limit counts requests, not jobs (J-Quants' pages).
 * `perMinute` may be read anew for each request (Yahoo's adaptive rate).
 */
export function redisRateGate(redis: Redis, key: string, perMinute: number | (() => Promise<number>)) {
  return async function acquire(): Promise<void> {
    for (;;) {
      const { max, duration } = smoothLimiter(typeof perMinute === "number" ? perMinute : await perMinute());
      const now = Date.now();
      const window = Math.floor(now / duration);
      // The window's length is in the key: windows of two rates never share a count.
      const count = Number(await redis.eval(TAKE, 1, `${key}:${duration}:${window}`, duration * 2));
      if (count <= max) return;
      await new Promise((resolve) => setTimeout(resolve, (window + 1) * duration - now + Math.random() * 20));
    }
  };
}
