import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

export type AppName = "gateway" | "worker" | "progress" | "scheduler" | "market-sim";

/** A built app (apps/NAME/dist/main.js) started as its own process. */
export interface SpawnedApp {
  process: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once a line of stdout or stderr matches, rejects when the process exits first. */
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
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`timed out waiting for ${pattern}; output:\n${out}${err}`)),
          timeoutMs,
        );
        const check = () => {
          const line = `${out}\n${err}`.split("\n").find((candidate) => pattern.test(candidate));
          if (line !== undefined) finish(undefined, line);
        };
        const onExit = () => finish(new Error(`${name} exited before ${pattern}; output:\n${out}${err}`));
        function finish(error?: Error, line?: string) {
          clearTimeout(timer);
          child.stdout.off("data", check);
          child.stderr.off("data", check);
          child.off("exit", onExit);
          if (error) reject(error);
          else resolve(line ?? "");
        }
        child.stdout.on("data", check);
        child.stderr.on("data", check);
        child.once("exit", onExit);
        check();
      });
    },
  };
}
