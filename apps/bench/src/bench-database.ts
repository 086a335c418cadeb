import { spawnSync } from "node:child_process";
import path from "node:path";

import { Client } from "pg";

import { withDatabase } from "@kabuto/testkit";

const ROOT = path.resolve(__dirname, "../../..");

/** A freshly migrated database of the benchmark's own, on the configured server. */
export async function freshBenchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const migrate = spawnSync(
    process.execPath,
    [path.join(ROOT, "packages/db/scripts/prisma.mjs"), "migrate", "deploy"],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`migrating ${name} failed:\n${migrate.stdout}${migrate.stderr}`);
  return url;
}

/** Drops a scratch database of the benchmark's (one too large to leave behind). */
export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
