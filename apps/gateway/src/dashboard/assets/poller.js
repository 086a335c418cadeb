/* global document */
/** Repeats a refresh with a delay it chooses each time; honours Retry-After and pauses while the tab is hidden. */

import { ApiRequestError } from "./api-client.js";

const ERROR_DELAY_MS = 5000;
const HIDDEN_DELAY_MS = 10_000;

/**
 * @param {{ run: () => Promise<void>, delayMs: () => number, onError: (error: unknown) => void }} options
 * @returns {{ start: () => void, now: () => void }}
 */
export function createPoller(options) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let running = false;
  let again = false;

  /** @param {number} ms */
  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
  }

  async function tick() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    let delay;
    try {
      if (document.hidden) {
        delay = HIDDEN_DELAY_MS;
      } else {
        await options.run();
        delay = options.delayMs();
      }
    } catch (error) {
      options.onError(error);
      delay =
        error instanceof ApiRequestError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : ERROR_DELAY_MS;
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      delay = 0;
    }
    schedule(delay);
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) schedule(0);
  });
  return { start: () => schedule(0), now: () => schedule(0) };
}
