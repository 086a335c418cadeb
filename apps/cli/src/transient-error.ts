import { ApiRequestError, GatewayUnreachableError } from "./api-client";
import type { Clock } from "./cli-deps";

/** Consecutive failures (gateway away, 429, 5xx) ridden out while waiting on a job or a sync. */
const MAX_ATTEMPTS = 30;

/** Whether asking again later may work: the gateway was unreachable, rate-limited or failing. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof GatewayUnreachableError ||
    (error instanceof ApiRequestError && (error.status === 429 || error.status >= 500))
  );
}

/**
 * Runs `request` until it succeeds, waiting `intervalMs` (or the gateway's `Retry-After`) after a
 * transient failure; any other error, or the last of `MAX_ATTEMPTS`, is thrown.
 */
export async function retryTransient<T>(request: () => Promise<T>, clock: Clock, intervalMs: number): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (!isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
      const retryAfter = error instanceof ApiRequestError ? error.retryAfterSeconds : undefined;
      await clock.sleep(retryAfter === undefined ? intervalMs : retryAfter * 1000);
    }
  }
}
