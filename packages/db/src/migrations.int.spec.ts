import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { Client } from "pg";

import { testDatabaseName, testServers, withDatabase } from "@kabuto/testkit";

const ROOT = path.resolve(__dirname, "../../..");
const PRISMA = path.join(ROOT, "packages/db/scripts/prisma.mjs");

function prisma(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [PRISMA, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function sql<T extends object = Record<string, unknown>>(databaseUrl: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations through the offline schema engine (real PostgreSQL)", () => {
  const admin = testServers().databaseUrl;
  const name = testDatabaseName();
  const url = withDatabase(admin, name);

  beforeAll(() => sql(admin, `CREATE DATABASE "${name}"`));
  afterAll(() => sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it("applies the committed migrations, then is a no-op, and status says what is applied", () => {
    const first = prisma(url, "migrate", "deploy");
    expect(first.status).toBe(0);
    expect(first.output).toMatch(/All migrations have been successfully applied/);

    const second = prisma(url, "migrate", "deploy");
    expect(second.status).toBe(0);
    expect(second.output).toMatch(/No pending migrations to apply/);

    const status = prisma(url, "migrate", "status");
    expect(status.status).toBe(0);
    expect(status.output).toMatch(/migrations? found in prisma\/migrations/);
    expect(status.output).toMatch(/Database schema is up to date!/);
  });

  describe("with a scratch schema", () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "kabuto-prisma-scratch-"));
    const scratchName = testDatabaseName();
    const scratchUrl = withDatabase(admin, scratchName);
    const config = path.join(scratch, "prisma.config.ts");

    const writeSchema = (models: string) =>
      writeFileSync(path.join(scratch, "schema.prisma"), `datasource db {\n  provider = "postgresql"\n}\n${models}`);
    const writeMigration = (dirName: string, body: string) => {
      mkdirSync(path.join(scratch, "migrations", dirName), { recursive: true });
      writeFileSync(path.join(scratch, "migrations", dirName, "migration.sql"), body);
    };
    const run = (...args: string[]) => prisma(scratchUrl, ...args, "--config", config);

    beforeAll(async () => {
      await sql(admin, `CREATE DATABASE "${scratchName}"`);
      writeFileSync(
        config,
        `export default { schema: ${JSON.stringify(path.join(scratch, "schema.prisma"))}, migrations: { path: ${JSON.stringify(path.join(scratch, "migrations"))} }, datasource: { url: process.env.DATABASE_URL } };\n`,
      );
      mkdirSync(path.join(scratch, "migrations"));
      writeFileSync(path.join(scratch, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
    });

    afterAll(async () => {
      rmSync(scratch, { recursive: true, force: true });
      await sql(admin, `DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
    });

    it("runs a migration with semicolons inside a $$ body as one script", async () => {
      writeSchema("model Note {\n  id Int @id\n}\n");
      writeMigration(
        "1_notes",
        `CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY);\nCREATE FUNCTION note_count() RETURNS bigint AS $$ SELECT 1; SELECT count(*) FROM "Note"; $$ LANGUAGE sql;\n`,
      );
      const result = run("migrate", "deploy");
      expect(result.output).toMatch(/successfully applied/);
      await expect(sql(scratchUrl, "SELECT note_count() AS n")).resolves.toEqual([{ n: "0" }]);
    });

    it("leaves nothing of a migration that fails half-way", async () => {
      writeMigration("2_broken", `CREATE TABLE "Half" ("id" INTEGER);\nSELECT 1 / 0;\n`);
      const result = run("migrate", "deploy");
      expect(result.status).not.toBe(0);
      await expect(sql(scratchUrl, "SELECT to_regclass('\"Half\"') AS half")).resolves.toEqual([{ half: null }]);
      rmSync(path.join(scratch, "migrations", "2_broken"), { recursive: true });
      expect(run("migrate", "resolve", "--rolled-back", "2_broken").status).toBe(0);
    });

    it("creates a migration against a shadow database that is not the main one and is dropped after", async () => {
      writeSchema("model Note {\n  id Int @id\n}\nmodel Tag {\n  id Int @id\n  label String\n}\n");
      const result = run("migrate", "dev", "--create-only", "--name", "tags");
      expect(result.status).toBe(0);
      const created = readdirSync(path.join(scratch, "migrations")).find((dir) => dir.endsWith("_tags"));
      expect(created).toBeDefined();
      await expect(sql(scratchUrl, "SELECT to_regclass('\"Tag\"') AS tag")).resolves.toEqual([{ tag: null }]);
      const shadows = await sql(
        admin,
        "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
      );
      expect(shadows).toEqual([]);
    });
  });
});
