import { KabutoError } from "./kabuto.error";

/** A failure that may pass: timeouts, resets, 429 and 5xx answers. Retried with backoff. */
export class TemporaryError extends KabutoError {
  readonly errorClass = "temporary" as const;

  /** Milliseconds the upstream asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options?: ErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}
