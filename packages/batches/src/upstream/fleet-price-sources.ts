import type { Redis } from "ioredis";

import { adaptiveRate, redisRateGate, type Logger } from "@kabuto/core";
import type { PriceSources } from "@kabuto/providers";

import { coalescedSource } from "./coalesced-source";
import { rateGatedSource } from "./rate-gated-source";

export interface FleetPriceSourcesOptions {
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** How long an upstream answer answers repeats (UPSTREAM_CACHE_TTL_SECONDS); 0 fetches every time. */
  cacheTtlSeconds: number;
  /** The upstream request timeout: a fetch's lock outlasts it. */
  timeoutMs: number;
  /** Yahoo's adaptive rate: the ceiling it starts from, the floor, and how long a 429 holds the queue. */
  yahoo: { ceilingPerMinute: number; floorPerMinute: number; holdMs: number };
}

/**
 * The price sources as a worker fleet shares them: Yahoo's requests at one adaptive rate for
 * every process, and every source's answers coalesced and cached in Redis (the cache outside the
 * gate, so an answer from Redis costs no request).
 */
export function fleetPriceSources(sources: PriceSources, options: FleetPriceSourcesOptions): PriceSources {
  const key = `${options.prefix}:rate:yahoo`;
  const rate = adaptiveRate(options.redis, `${key}:adaptive`, {
    ceiling: options.yahoo.ceilingPerMinute,
    floor: options.yahoo.floorPerMinute,
    cooldownMs: options.yahoo.holdMs,
  });
  const yahoo = rateGatedSource(sources.yahoo, {
    gate: redisRateGate(options.redis, key, () => rate.perMinute(), "yahoo"),
    rate,
    logger: options.logger,
  });
  const gated: PriceSources = { ...sources, yahoo };
  if (options.cacheTtlSeconds === 0) return gated;
  const cache = {
    redis: options.redis,
    prefix: options.prefix,
    ttlSeconds: options.cacheTtlSeconds,
    lockMs: 2 * options.timeoutMs,
  };
  return Object.fromEntries(
    Object.entries(gated).map(([id, source]) => [id, coalescedSource(source, cache)]),
  ) as PriceSources;
}
