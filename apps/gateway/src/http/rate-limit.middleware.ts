import { createHash } from "node:crypto";

import type { RequestHandler } from "express";
import type { Redis } from "ioredis";

import { addressBucket, apiKeyMatches } from "@kabuto/core";

import { ApiError } from "./api-error";

const WINDOW_MS = 60_000;

/** One INCR and, for a new window, its expiry, atomically: every gateway replica shares the count. */
const COUNT_SCRIPT = `
  local count = redis.call('INCR', KEYS[1])
  if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  return {count, redis.call('PTTL', KEYS[1])}`;

/**
 * Per-client limit on /api: `limit` requests per fixed minute, counted in Redis so it holds across
 * gateway replicas. A client is the API key (hashed) when the request carries API_KEY itself, else
 * its address (IPv6: its /64): a header that was never verified must not buy a fresh bucket. When
 * Redis does not answer, requests are refused with 503 rather than let through uncounted.
 */
export function rateLimitMiddleware(
  redis: Redis,
  options: { limit: number; prefix: string; apiKey: string | undefined },
): RequestHandler {
  const { apiKey } = options;
  const keyClient = apiKey && `key:${createHash("sha256").update(apiKey).digest("hex").slice(0, 32)}`;
  return async (request, response, next) => {
    const client =
      keyClient && apiKeyMatches(apiKey, request.header("x-api-key"))
        ? keyClient
        : `ip:${addressBucket(request.ip ?? "unknown")}`;
    const window = Math.floor(Date.now() / WINDOW_MS);
    let count: number;
    let ttl: number;
    try {
      [count, ttl] = (await redis.eval(
        COUNT_SCRIPT,
        1,
        `${options.prefix}:ratelimit:${client}:${window}`,
        WINDOW_MS,
      )) as [number, number];
    } catch {
      return next(new ApiError("SERVICE_UNAVAILABLE", "一時的に利用できません (Redis に接続できません)"));
    }
    const resetSeconds = Math.max(1, Math.ceil(ttl / 1000));
    response.set({
      "RateLimit-Limit": String(options.limit),
      "RateLimit-Remaining": String(Math.max(0, options.limit - count)),
      "RateLimit-Reset": String(resetSeconds),
    });
    if (count <= options.limit) return next();
    response.set("Retry-After", String(resetSeconds));
    next(new ApiError("RATE_LIMIT_EXCEEDED", "レート制限を超過しました。しばらく待って再試行してください"));
  };
}
