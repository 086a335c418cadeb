import { io } from "socket.io-client";

import { DEFAULT_TIMING, type CliDeps, type Clock, type Output } from "../cli-deps";

/** An output that keeps what was written. */
export interface CapturedOutput extends Output {
  text(): string;
}

export function captureOutput(options: { isTTY?: boolean; columns?: number } = {}): CapturedOutput {
  let written = "";
  return {
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    write(text: string) {
      written += text;
      return true;
    },
    text: () => written,
  };
}

/** A clock that only moves when told (sleep moves it too, at once). */
export function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

const realClock: Clock = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Deps for running commands in a test: captured stdout and stderr, no environment, the real clock. */
export function testDeps(
  overrides: Partial<CliDeps> = {},
): CliDeps & { stdout: CapturedOutput; stderr: CapturedOutput } {
  return {
    fetch,
    io,
    env: {},
    clock: realClock,
    onInterrupt: () => () => {},
    timing: DEFAULT_TIMING,
    ...overrides,
    stdout: (overrides.stdout as CapturedOutput | undefined) ?? captureOutput(),
    stderr: (overrides.stderr as CapturedOutput | undefined) ?? captureOutput(),
  };
}
