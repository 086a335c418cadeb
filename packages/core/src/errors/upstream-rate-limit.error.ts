import { TemporaryError } from "./temporary.error";

/** How long a 429 that does not say how long to wait (no Retry-After) holds its queue. */
export const DEFAULT_RATE_LIMIT_HOLD_MS = 60_000;

/**
 * The upstream answered 429. The whole queue waits (every worker process), for Retry-After when
 * the upstream sent one, else for the configured hold; the job's attempt is not spent.
 */
export class UpstreamRateLimitError extends TemporaryError {
  /** Milliseconds the upstream asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options?: ErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}
