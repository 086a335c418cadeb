import { createHash, timingSafeEqual } from "node:crypto";

import type { RequestHandler } from "express";

import { ApiError } from "./api-error";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares in constant time; hashing first keeps the length of the expected key from leaking. */
export function apiKeyMatches(expected: string, given: string | undefined): boolean {
  return given !== undefined && timingSafeEqual(digest(expected), digest(given));
}

/** Seed 000: every /api request carries `X-API-KEY` when API_KEY is set; without API_KEY, no auth. */
export function apiKeyMiddleware(apiKey: string | undefined): RequestHandler {
  return (request, _response, next) => {
    if (apiKey === undefined || apiKeyMatches(apiKey, request.header("x-api-key"))) return next();
    next(new ApiError("UNAUTHORIZED", "APIキーが不正です。ヘッダ 'X-API-KEY' を設定してください"));
  };
}
