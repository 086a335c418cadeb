#!/usr/bin/env node
// `npm start`: gateway, worker, progress and scheduler in the foreground, one process each, their
// logs prefixed. Upstream URLs come from the environment (or .env). Ctrl-C stops them all; if one
// dies, the others are stopped too and the exit status is non-zero.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const apps = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["gateway", "worker", "progress", "scheduler"];
const colours = [36, 33, 35, 32, 34];

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
for (const app of apps) {
  if (!existsSync(path.join(root, "apps", app, "dist/main.js"))) {
    console.error(`apps/${app} is not built: run \`npm run build\` first`);
    process.exit(1);
  }
}

// One machine, one port each: the worker's METRICS_PORT, progress the next, the scheduler the one after.
const METRICS_OFFSET = { worker: 0, progress: 1, scheduler: 2 };
function metricsEnv(app) {
  const port = Number(process.env.METRICS_PORT);
  if (!process.env.METRICS_PORT || port === 0 || !(app in METRICS_OFFSET)) return {};
  return { METRICS_PORT: String(port + METRICS_OFFSET[app]) };
}

let stopping = false;
let status = 0;
const children = apps.map((app, index) => {
  const child = spawn(process.execPath, [path.join(root, "apps", app, "dist/main.js")], {
    cwd: root,
    env: { ...process.env, ...metricsEnv(app), FORCE_COLOR: process.stdout.isTTY ? "1" : "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const name = app.padEnd(10);
  const prefix = process.stdout.isTTY ? `\x1b[${colours[index % colours.length]}m${name}\x1b[0m| ` : `${name}| `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream.on("data", (chunk) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${app} exited (${signal ?? code}); stopping the others`);
      status = 1;
      stopAll();
    }
    if (children.every((other) => other.exitCode !== null || other.signalCode !== null)) process.exit(status);
  });
  return child;
});

function stopAll() {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);
