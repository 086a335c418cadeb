import type { RequestHandler } from "express";

import { apiKeyMatches, type AuthFailureLimiter } from "@kabuto/core";

import { ApiError } from "./api-error";

/**
 * Seed 000: every /api request carries `X-API-KEY` when API_KEY is set; without API_KEY, no auth.
 * An address that has used up its failed attempts this minute gets 429 before its key is compared,
 * so a guesser learns nothing more until the minute ends. When Redis does not answer, 503.
 */
export function apiKeyMiddleware(apiKey: string | undefined, failures: AuthFailureLimiter): RequestHandler {
  return async (request, response, next) => {
    if (apiKey === undefined) return next();
    const address = request.ip ?? "unknown";
    try {
      const retryAfter = await failures.blockedFor(address);
      if (retryAfter !== undefined) {
        response.set("Retry-After", String(retryAfter));
        return next(new ApiError("RATE_LIMIT_EXCEEDED", "認証の失敗が多すぎます。しばらく待って再試行してください"));
      }
      if (apiKeyMatches(apiKey, request.header("x-api-key"))) return next();
      await failures.recordFailure(address);
    } catch {
      return next(new ApiError("SERVICE_UNAVAILABLE", "一時的に利用できません (Redis に接続できません)"));
    }
    next(new ApiError("UNAUTHORIZED", "APIキーが不正です。ヘッダ 'X-API-KEY' を設定してください"));
  };
}
