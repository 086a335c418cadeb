import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

import { Client } from "pg";

import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, testServers, withDatabase } from "./test-env";

const ROOT = path.resolve(__dirname, "../../..");

/**
 * Once per jest run: make sure Redis and PostgreSQL answer (starting them when needed), drop the
 * databases a crashed run left, and migrate a fresh template database for the tests to copy.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync("bash", [path.join(ROOT, "scripts/services.sh"), "up"], { stdio: "inherit" });
  const { databaseUrl } = testServers();
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
      [`${TEST_DATABASE_PREFIX}%`, TEMPLATE_DATABASE],
    );
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const migrate = spawnSync(
    process.execPath,
    [path.join(ROOT, "packages/db/scripts/prisma.mjs"), "migrate", "deploy"],
    {
      env: { ...process.env, DATABASE_URL: withDatabase(databaseUrl, TEMPLATE_DATABASE) },
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`migrating the test template failed:\n${migrate.stdout}${migrate.stderr}`);
}
