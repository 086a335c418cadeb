/** Where the upstream clients report their requests and rate-gate waits. */
export interface UpstreamObserver {
  request(provider: string, status: string): void;
  rateLimitWait(provider: string, seconds: number): void;
}

const IGNORE: UpstreamObserver = { request: () => undefined, rateLimitWait: () => undefined };
let observer = IGNORE;

/**
 * Sets the process's upstream observer (the worker's metrics). One per process rather than one
 * handed to each client: the HTTP clients are built deep inside the price and listing sources, in
 * several packages, and every one of them must report.
 */
export function observeUpstream(next: UpstreamObserver): void {
  observer = next;
}

/** The current upstream observer; reports are dropped until an app sets one. */
export function upstreamObserver(): UpstreamObserver {
  return observer;
}
