import type { io } from "socket.io-client";

/** A place to write text: the process's stdout or stderr, or a buffer in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Everything a command touches outside itself, so tests can hand in their own. */
export interface CliDeps {
  fetch: typeof fetch;
  io: typeof io;
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  clock: Clock;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
  timing: {
    /** How long the progress service has to connect and acknowledge `join`. */
    socketTimeoutMs: number;
    pollIntervalMs: number;
    /** Without a TTY, at most one progress line per this many ms (status changes print at once). */
    lineIntervalMs: number;
    /** Silence on the socket after which the status route is asked directly. */
    socketIdleMs: number;
  };
}

export const DEFAULT_TIMING: CliDeps["timing"] = {
  socketTimeoutMs: 2000,
  pollIntervalMs: 1000,
  lineIntervalMs: 3000,
  socketIdleMs: 5000,
};
