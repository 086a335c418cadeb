import type { Redis } from "ioredis";

/** Successes in a row after which the rate may grow. */
export const ADAPTIVE_RUN = 50;
/**
 * The share of the rate that last drew a 429 the rate may reach again. Each 429 at that cap
 * lowers it by this share, so the rate settles within this share under the upstream's limit.
 */
const CAP_SHARE = 0.9;
/** How much the cap creeps up a run while the rate sits at it, so a raised limit is found again. */
const CAP_CREEP = 1.002;

export interface AdaptiveRateOptions {
  /** The most the rate ever is, and where it starts (YAHOO_REQUESTS_PER_MINUTE). */
  ceiling: number;
  /** The least it ever is (YAHOO_MIN_REQUESTS_PER_MINUTE). */
  floor: number;
  /**
   * After a halving, how long further 429s are not counted: they answer requests sent before it, or
   * meet an upstream window still full of them (the queue is held this long anyway).
   */
  cooldownMs: number;
}

/** A change of the fleet's rate, for the process that made it to log. */
export interface RateChange {
  perMinute: number;
  reason: "rate limited" | "grown";
}

// KEYS[1]: the state hash. ARGV: now, ceiling, floor, cooldown, run, cap share.
const STATE = `
local rate = tonumber(redis.call('HGET', KEYS[1], 'rate') or ARGV[2])
rate = math.max(tonumber(ARGV[3]), math.min(tonumber(ARGV[2]), rate))`;

// ARGV[7]: when the refused request was sent.
const RATE_LIMITED = `${STATE}
if tonumber(ARGV[1]) < tonumber(redis.call('HGET', KEYS[1], 'cool') or 0) then return false end
if tonumber(ARGV[7]) < tonumber(redis.call('HGET', KEYS[1], 'cut') or 0) then return false end
local halved = math.max(tonumber(ARGV[3]), rate / 2)
redis.call('HSET', KEYS[1], 'rate', halved, 'bad', rate, 'ok', 0, 'cut', ARGV[1], 'cool', tonumber(ARGV[1]) + tonumber(ARGV[4]))
return tostring(halved)`;

// Below 90 % of the cap the rate doubles back each run; above it grows 5 % a run up to the cap,
// where the cap itself creeps up (ARGV[7]) so a raised upstream limit is found again.
const SUCCEEDED = `${STATE}
if redis.call('HINCRBY', KEYS[1], 'ok', 1) < tonumber(ARGV[5]) then return false end
local bad = tonumber(redis.call('HGET', KEYS[1], 'bad') or 0)
local cap = tonumber(ARGV[2])
if bad > 0 then cap = math.min(cap, bad * tonumber(ARGV[6])) end
local next
if rate < 0.9 * cap then next = math.min(rate * 2, cap) else next = math.min(rate * 1.05, cap) end
if bad > 0 and rate >= cap * 0.999 then bad = bad * tonumber(ARGV[7]) end
if bad * tonumber(ARGV[6]) >= tonumber(ARGV[2]) then bad = 0 end
next = math.max(tonumber(ARGV[3]), math.min(tonumber(ARGV[2]), next))
redis.call('HSET', KEYS[1], 'rate', next, 'bad', bad, 'ok', 0)
if math.abs(next - rate) < 0.5 then return false end
return tostring(next)`;

/**
 * One request rate for a whole fleet, kept in Redis, for an upstream that publishes no limit: it
 * halves on a 429 and grows after each run of ADAPTIVE_RUN successes, between `floor` and
 * `ceiling`, remembering the rate that drew the last 429 so that it settles just under it.
 */
export function adaptiveRate(redis: Redis, key: string, options: AdaptiveRateOptions) {
  const args = () => [Date.now(), options.ceiling, options.floor, options.cooldownMs, ADAPTIVE_RUN, CAP_SHARE];
  const change = (reason: RateChange["reason"]) => (result: unknown) =>
    typeof result === "string" ? { perMinute: Math.round(Number(result)), reason } : undefined;
  return {
    /** Requests per minute now. */
    async perMinute(): Promise<number> {
      const stored = Number((await redis.hget(key, "rate")) ?? options.ceiling);
      return Math.max(options.floor, Math.min(options.ceiling, stored));
    },
    /** A request was answered: the new rate when this success grew it. */
    async succeeded(): Promise<RateChange | undefined> {
      return change("grown")(await redis.eval(SUCCEEDED, 1, key, ...args(), CAP_CREEP));
    },
    /**
     * A request sent at `sentAt` drew a 429: the new rate, unless it was sent before the last
     * halving (it says nothing of the new rate) or another 429 halved it within the cooldown.
     */
    async rateLimited(sentAt: number): Promise<RateChange | undefined> {
      return change("rate limited")(await redis.eval(RATE_LIMITED, 1, key, ...args(), sentAt));
    },
  };
}

export type AdaptiveRate = ReturnType<typeof adaptiveRate>;
