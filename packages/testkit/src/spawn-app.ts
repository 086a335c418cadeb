import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { waitUntil } from "./wait-until";

const ROOT = path.resolve(__dirname, "../../..");

export type AppName = "gateway" | "worker" | "progress" | "scheduler" | "market-sim";

/** A built app (apps/NAME/dist/main.js) started as its own process. */
export interface SpawnedApp {
  process: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /**
   * Resolves with the first line of stdout or stderr that matches; rejects when the process exits
   * first or after `timeoutMs` (30 s by default: a start on a loaded 2-core machine can take 15).
   */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnApp(name: AppName, env: Record<string, string>): SpawnedApp {
  const main = path.join(ROOT, "apps", name, "dist/main.js");
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_FORMAT: "json", ...env },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    async waitFor(pattern, timeoutMs = 30_000) {
      const matching = (output: string) => output.split("\n").find((line) => pattern.test(line));
      const output = await waitUntil(
        `${name} to log ${pattern}`,
        () => `${out}\n${err}`,
        (output) => matching(output) !== undefined || child.exitCode !== null || child.signalCode !== null,
        { timeoutMs, intervalMs: 20 },
      );
      const line = matching(output);
      if (line === undefined) throw new Error(`${name} exited before logging ${pattern}; output:\n${output}`);
      return line;
    },
  };
}
