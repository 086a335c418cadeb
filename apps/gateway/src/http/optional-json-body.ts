import type { Request } from "express";

import { ApiError } from "./api-error";

/** A body that may be left out (`{}` then); one the JSON parser left unread (text/plain, a form) is refused. */
export function optionalJsonBody(request: Request): unknown {
  const typed = request.headers["content-type"] !== undefined;
  if (request.body === undefined && typed && request.is("application/json") === false) {
    throw new ApiError("VALIDATION_ERROR", "リクエストボディは application/json で送ってください");
  }
  return request.body ?? {};
}
