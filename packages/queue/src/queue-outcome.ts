import { DEFAULT_RATE_LIMIT_HOLD_MS, PermanentError, SystemError, UpstreamRateLimitError } from "@kabuto/core";

/** How long a system error (database unreachable) holds a queue before its jobs are tried again. */
export const SYSTEM_ERROR_HOLD_MS = 5_000;

/** What the queue does with a job whose handler threw. */
export type QueueOutcome =
  /** Never retried (a permanent error). */
  | { kind: "unrecoverable"; message: string }
  /** The upstream answered 429: the whole queue waits (Retry-After, else the hold), the job's attempt is not spent. */
  | { kind: "rate-limit"; delayMs: number }
  /** Kabuto itself cannot go on: the whole queue waits instead of burning every job's attempts. */
  | { kind: "hold"; delayMs: number }
  /** Retried with backoff while attempts remain; `final` when this was the last one. */
  | { kind: "retry"; final: boolean };

/** The attempt a job is on, as BullMQ counts it. */
export interface JobAttempt {
  attemptsMade: number;
  opts: { attempts?: number };
}

/**
 * Maps a domain error to what the queue does with its job: permanent → unrecoverable, 429 → rate
 * limit for Retry-After or, when the upstream did not say, `rateLimitHoldMs`; system → hold;
 * anything else → retried with backoff.
 */
export function toQueueOutcome(
  error: unknown,
  job: JobAttempt,
  rateLimitHoldMs = DEFAULT_RATE_LIMIT_HOLD_MS,
): QueueOutcome {
  if (error instanceof PermanentError) return { kind: "unrecoverable", message: error.message };
  if (error instanceof UpstreamRateLimitError)
    return { kind: "rate-limit", delayMs: error.retryAfterMs ?? rateLimitHoldMs };
  if (error instanceof SystemError) return { kind: "hold", delayMs: SYSTEM_ERROR_HOLD_MS };
  return { kind: "retry", final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) };
}

/** Whether the job ends with this outcome, so its unit must be recorded as failed now. */
export function isFinalOutcome(outcome: QueueOutcome): boolean {
  return outcome.kind === "unrecoverable" || (outcome.kind === "retry" && outcome.final);
}
