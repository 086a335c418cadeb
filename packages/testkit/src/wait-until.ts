export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** What a timeout message shows of the last read: long process output keeps its end. */
const LAST_SEEN_MAX_CHARS = 2_000;

function describeLastSeen(value: unknown): string {
  const text =
    value instanceof Error ? value.message : typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
  return text.length > LAST_SEEN_MAX_CHARS ? `…${text.slice(-LAST_SEEN_MAX_CHARS)}` : text;
}

/**
 * Reads `read()` every `intervalMs` until `done(value)` holds, and resolves with that value. A read
 * that throws (a failed `expect`, a refused connection) counts as not done yet. After `timeoutMs`,
 * rejects with `timed out after Nms waiting for <what>; last seen: <the last value or error>`.
 */
export async function waitUntil<T>(
  what: string,
  read: () => T | Promise<T>,
  done: (value: T) => boolean = () => true,
  { timeoutMs = 10_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lastSeen: unknown;
    try {
      const value = await read();
      if (done(value)) return value;
      lastSeen = value;
    } catch (error) {
      lastSeen = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}; last seen: ${describeLastSeen(lastSeen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
