#!/usr/bin/env node
// Runs the stock Prisma CLI with the wasm schema engine (no native binary download), from the
// repository root where prisma.config.ts lives. Usage: node packages/db/scripts/prisma.mjs <args…>
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(here, "../engine/schema-engine.mjs"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
