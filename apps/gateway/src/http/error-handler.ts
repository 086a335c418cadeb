import type { ErrorRequestHandler, RequestHandler } from "express";

import type { Logger } from "@kabuto/core";

import { ApiError } from "./api-error";

/** 404 body for paths no route serves. */
export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new ApiError("NOT_FOUND", `${request.method} ${request.path} が見つかりません`));
};

/** Turns every error into the API's error body; unexpected ones are logged and answered 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) {
      logger.error("request failed", { method: request.method, path: request.path, error: errorText(error) });
    }
    response.status(apiError.status).json({ success: false, error: apiError.code, message: apiError.message });
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isBodyParserError(error)) {
    return error.type === "entity.too.large"
      ? new ApiError("VALIDATION_ERROR", "リクエストボディが大きすぎます")
      : new ApiError("VALIDATION_ERROR", "リクエストボディが正しいJSONではありません");
  }
  return new ApiError("INTERNAL_ERROR", "内部エラーが発生しました");
}

function isBodyParserError(error: unknown): error is { type: string } {
  return typeof error === "object" && error !== null && "type" in error && typeof error.type === "string";
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
