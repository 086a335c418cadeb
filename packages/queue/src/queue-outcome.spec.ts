import {
  DEFAULT_RATE_LIMIT_HOLD_MS,
  PermanentError,
  SystemError,
  TemporaryError,
  UpstreamRateLimitError,
} from "@kabuto/core";

import { isFinalOutcome, toQueueOutcome } from "./queue-outcome";

describe("toQueueOutcome", () => {
  const firstOfSix = { attemptsMade: 0, opts: { attempts: 6 } };
  const lastOfSix = { attemptsMade: 5, opts: { attempts: 6 } };

  it("never retries a permanent error", () => {
    const outcome = toQueueOutcome(new PermanentError("unknown symbol"), firstOfSix);
    expect(outcome).toEqual({ kind: "unrecoverable", message: "unknown symbol" });
    expect(isFinalOutcome(outcome)).toBe(true);
  });

  it("holds the queue for as long as a 429 asked, without charging the attempt", () => {
    const outcome = toQueueOutcome(new UpstreamRateLimitError("429", { retryAfterMs: 7000 }), lastOfSix);
    expect(outcome).toEqual({ kind: "rate-limit", delayMs: 7000 });
    expect(isFinalOutcome(outcome)).toBe(false);
  });

  it("holds the queue for the configured time when a 429 did not say how long", () => {
    const silent = new UpstreamRateLimitError("429");
    expect(toQueueOutcome(silent, lastOfSix)).toEqual({ kind: "rate-limit", delayMs: DEFAULT_RATE_LIMIT_HOLD_MS });
    expect(toQueueOutcome(silent, firstOfSix, 2500)).toEqual({ kind: "rate-limit", delayMs: 2500 });
    expect(toQueueOutcome(new UpstreamRateLimitError("429", { retryAfterMs: 0 }), firstOfSix, 2500)).toEqual({
      kind: "rate-limit",
      delayMs: 0,
    });
  });

  it("holds the queue on a system error", () => {
    expect(toQueueOutcome(new SystemError("database unreachable"), lastOfSix)).toEqual({ kind: "hold", delayMs: 5000 });
  });

  it("retries anything else, final on the last attempt", () => {
    expect(toQueueOutcome(new TemporaryError("HTTP 503"), firstOfSix)).toEqual({ kind: "retry", final: false });
    expect(toQueueOutcome(new Error("socket hang up"), lastOfSix)).toEqual({ kind: "retry", final: true });
    expect(isFinalOutcome(toQueueOutcome(new Error("x"), lastOfSix))).toBe(true);
  });
});
