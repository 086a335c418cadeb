import type { RequestHandler } from "express";

import { apiKeyMatches, type AuthFailureLimiter } from "@kabuto/core";

import { ApiError } from "./api-error";

/** The password of a `Basic` Authorization header; the user name is not looked at. */
function basicPassword(header: string | undefined): string | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? "")?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

/**
 * Seed 000: every /api request carries `X-API-KEY` when API_KEY is set; without API_KEY, no auth.
 * An address that has used up its failed attempts this minute gets 429 before its key is compared,
 * so a guesser learns nothing more until the minute ends. When Redis does not answer, 503.
 *
 * `browser` pages that cannot set a header on their own requests (Bull Board) also take the key as
 * the password of HTTP Basic auth, and a 401 asks the browser for it.
 */
export function apiKeyMiddleware(
  apiKey: string | undefined,
  failures: AuthFailureLimiter,
  options: { browser?: boolean } = {},
): RequestHandler {
  return async (request, response, next) => {
    if (apiKey === undefined) return next();
    const address = request.ip ?? "unknown";
    try {
      const retryAfter = await failures.blockedFor(address);
      if (retryAfter !== undefined) {
        response.set("Retry-After", String(retryAfter));
        return next(new ApiError("RATE_LIMIT_EXCEEDED", "認証の失敗が多すぎます。しばらく待って再試行してください"));
      }
      const given =
        request.header("x-api-key") ?? (options.browser ? basicPassword(request.header("authorization")) : undefined);
      if (apiKeyMatches(apiKey, given)) return next();
      await failures.recordFailure(address);
    } catch {
      return next(new ApiError("SERVICE_UNAVAILABLE", "一時的に利用できません (Redis に接続できません)"));
    }
    if (options.browser) response.set("WWW-Authenticate", 'Basic realm="Kabuto", charset="UTF-8"');
    next(new ApiError("UNAUTHORIZED", "APIキーが不正です。ヘッダ 'X-API-KEY' を設定してください"));
  };
}
