import { isAxiosError, type AxiosError } from "axios";

import { PermanentError, TemporaryError, UpstreamRateLimitError } from "@kabuto/core";

/** The upstream refused our credentials (401/403): a wrong or revoked API key. */
export class InvalidApiKeyError extends PermanentError {}

/** Retry-After in seconds or as an HTTP date → milliseconds, when present and sane. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Axios names an answer over maxContentLength only in its message (the code is a generic ERR_BAD_RESPONSE). */
function isOverSizeCap(error: AxiosError): boolean {
  return error.code === "ERR_BAD_RESPONSE" && error.message.startsWith("maxContentLength size of");
}

/**
 * Turns whatever an HTTP call threw into a domain error: timeouts, resets and 5xx are temporary;
 * a 429 an UpstreamRateLimitError; 401/403 an invalid key; a redirect (never followed), an answer
 * over the size cap and other 4xx permanent. `what` names the call for the message.
 */
export function toUpstreamError(error: unknown, what: string): Error {
  if (error instanceof TemporaryError || error instanceof PermanentError) return error;
  if (!isAxiosError(error)) return new TemporaryError(`${what}: ${String(error)}`, { cause: error });
  const status = error.response?.status;
  if (status === undefined) {
    if (isOverSizeCap(error))
      return new PermanentError(`${what}: the answer is larger than the ${error.config?.maxContentLength}-byte cap`);
    return new TemporaryError(`${what}: ${error.code ?? "network error"} (${error.message})`, { cause: error });
  }
  if (status >= 300 && status < 400)
    return new PermanentError(`${what}: redirected (HTTP ${status}); upstream redirects are not followed`);
  if (status === 401 || status === 403)
    return new InvalidApiKeyError(`${what}: the API key was refused (HTTP ${status})`);
  if (status === 429) {
    return new UpstreamRateLimitError(`${what}: rate limited (HTTP 429)`, {
      cause: error,
      retryAfterMs: retryAfterMs(error.response?.headers["retry-after"]),
    });
  }
  if (status >= 500 || status === 408) return new TemporaryError(`${what}: HTTP ${status}`, { cause: error });
  return new PermanentError(`${what}: HTTP ${status}`, { cause: error });
}
