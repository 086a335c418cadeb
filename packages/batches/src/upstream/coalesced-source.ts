import { createHash, randomBytes } from "node:crypto";

import type { Redis } from "ioredis";

import type { FetchUnitParams, FetchedUnit, PriceSource } from "@kabuto/providers";

import { decodeFetchedUnit, encodeFetchedUnit } from "./fetched-unit-codec";

export interface CoalescedSourceOptions {
  redis: Redis;
  prefix: string;
  /** How long an answer answers repeats (UPSTREAM_CACHE_TTL_SECONDS); at least 1. */
  ttlSeconds: number;
  /**
   * How long one process may hold a key's fetch before another takes it over: longer than a
   * request may take (its timeout, the rate gate's wait), so a lost lock only costs a second fetch.
   */
  lockMs: number;
  /** How often a process waiting for another's fetch looks for the answer. */
  pollMs?: number;
}

/** Gzipped answers above this are not cached (each asker fetches its own): Redis holds no giant values. */
export const MAX_CACHED_BYTES = 4 * 1024 * 1024;
/** Answers with more bars than this (a month of the whole market) are not cached either. */
export const MAX_CACHED_BARS = 20_000;
const DEFAULT_POLL_MS = 50;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Fields a unit's job payload brings along that do not change the answer. Every other field is
 * in the key, so a parameter added later can only make answers shared less, never wrongly.
 */
const NOT_IN_KEY = new Set(["batchId", "provider", "symbols", "priority"]);

/**
 * Where one answer lives: `material` is everything the fetch was asked (the symbol filter in a
 * stable order), stored with the answer and checked on reading it; the Redis keys are its hash.
 */
export function unitCacheKeys(prefix: string, provider: string, params: FetchUnitParams) {
  const { symbols } = params;
  const sorted = Object.fromEntries(
    Object.entries(params)
      .filter(([name]) => !NOT_IN_KEY.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const material = JSON.stringify({ provider, ...sorted, symbols: symbols ? [...symbols].sort() : null });
  const value = `${prefix}:upstream-cache:${createHash("sha256").update(material).digest("base64url")}`;
  return { material, value, lock: `${value}:lock` };
}

/**
 * `source` with its fetches shared through Redis: the same unit asked by several batches (or
 * processes) at once is fetched once, under a lock with an expiry, the others waiting for the
 * answer; a repeat within the TTL is answered from Redis, unless the answer was empty. Each asker
 * still stores the answer for its own batch. A lock lost with Redis expires, and its waiters then fetch themselves.
 */
export function coalescedSource(source: PriceSource, options: CoalescedSourceOptions): PriceSource {
  const { redis } = options;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;

  async function cached(keys: { material: string; value: string }): Promise<FetchedUnit | undefined> {
    const stored = await redis.getBuffer(keys.value);
    return stored ? decodeFetchedUnit(keys.material, stored) : undefined;
  }

  async function fetchUnit(params: FetchUnitParams): Promise<FetchedUnit> {
    const keys = unitCacheKeys(options.prefix, source.id, params);
    const token = randomBytes(8).toString("hex");
    for (;;) {
      const hit = await cached(keys);
      if (hit) return hit;
      if ((await redis.set(keys.lock, token, "PX", options.lockMs, "NX")) === "OK") {
        try {
          // Another process may have stored the answer between our look and our lock.
          const late = await cached(keys);
          if (late) return late;
          const unit = await source.fetchUnit(params);
          // An empty answer is most often a day not published yet: the next ask must reach the upstream.
          // A month's bulk file is too big to be worth encoding for Redis.
          if (unit.bars.length === 0 || unit.bars.length > MAX_CACHED_BARS) return unit;
          const encoded = await encodeFetchedUnit(keys.material, unit);
          if (encoded.length <= MAX_CACHED_BYTES) await redis.set(keys.value, encoded, "EX", options.ttlSeconds);
          return unit;
        } finally {
          await redis.eval(RELEASE, 1, keys.lock, token);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  return { ...source, fetchUnit };
}
