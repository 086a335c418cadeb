import type { Redis } from "ioredis";

import { upstreamObserver } from "../metrics/upstream-observer";

// KEYS[1]: when the next request may go (ms, Redis' clock). ARGV[1]: ms between two requests.
// Returns how long this request waits for its slot; each request takes the next free one.
const TAKE_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or 0))
local spacing = tonumber(ARGV[1])
redis.call('SET', KEYS[1], slot + spacing, 'PX', math.ceil(slot + spacing - now) + 1000)
return slot - now`;

/**
 * A request gate shared by every process through Redis: `acquire()` resolves at this request's
 * slot, the slots `60 000 / perMinute` ms apart on Redis' clock, so the fleet's requests are
 * evenly spaced (no burst at the start of a window for an upstream's own window to refuse).
 * For upstreams whose limit counts requests, not jobs (J-Quants' pages, Yahoo's charts);
 * `perMinute` may be read anew for each request (Yahoo's adaptive rate). Each wait is reported
 * to the process's upstream observer under `provider`.
 */
export function redisRateGate(
  redis: Redis,
  key: string,
  perMinute: number | (() => Promise<number>),
  provider: string,
) {
  return async function acquire(): Promise<void> {
    const rate = typeof perMinute === "number" ? perMinute : await perMinute();
    const waitMs = Number(await redis.eval(TAKE_SLOT, 1, key, Math.ceil(60_000 / rate)));
    if (waitMs <= 0) return;
    upstreamObserver().rateLimitWait(provider, waitMs / 1000);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  };
}
