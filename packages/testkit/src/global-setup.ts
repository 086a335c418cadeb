import { execFileSync } from "node:child_process";
import path from "node:path";

import { Client } from "pg";

import { migrateDatabase } from "./migrate-database";
import { isStaleTestDatabase, setTemplateDatabase, testDatabaseName, testServers, withDatabase } from "./test-env";

const ROOT = path.resolve(__dirname, "../../..");

/**
 * Once per jest run: make sure Redis and PostgreSQL answer (starting them when needed), drop the
 * test databases a crashed run left behind, and migrate this run's own template database for the
 * test files to copy (runs side by side never touch each other's databases).
 */
export default async function globalSetup(): Promise<void> {
  execFileSync("bash", [path.join(ROOT, "scripts/services.sh"), "up"], { stdio: "inherit" });
  const { databaseUrl } = testServers();
  const template = testDatabaseName();
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const existing = await admin.query<{ datname: string }>("SELECT datname FROM pg_database");
    for (const { datname } of existing.rows.filter((row) => isStaleTestDatabase(row.datname))) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(databaseUrl, template));
  setTemplateDatabase(template);
}
