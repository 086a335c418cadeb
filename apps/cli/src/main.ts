import { io } from "socket.io-client";

import { DEFAULT_TIMING } from "./cli-deps";
import { EXIT } from "./cli-error";
import { runCli } from "./cli";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

runCli(process.argv.slice(2), {
  fetch,
  io,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  clock: { now: Date.now, sleep },
  onInterrupt(handler) {
    process.on("SIGINT", handler);
    return () => process.off("SIGINT", handler);
  },
  timing: DEFAULT_TIMING,
}).then((code) => {
  // After Ctrl-C a poll may still be sleeping: leave now instead of after it.
  if (code === EXIT.INTERRUPTED) process.exit(code);
  process.exitCode = code;
});
