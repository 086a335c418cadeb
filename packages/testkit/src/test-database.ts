import { Client } from "pg";

import { createDatabase, type Database } from "@kabuto/db";

import { templateDatabase, testDatabaseName, testServers, withDatabase } from "./test-env";
import { waitUntil } from "./wait-until";

/** A migrated database of its own for one test file. */
export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServers().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Copies the migrated template into a new database (fast: a file copy inside PostgreSQL). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = testDatabaseName();
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  const url = withDatabase(testServers().databaseUrl, name);
  const database = createDatabase(url, { maxConnections: 5 });
  return {
    ...database,
    url,
    name,
    async drop() {
      await database.close();
      // FORCE cannot end an autovacuum worker for a role that is not superuser ("must be a member of the
      // role whose process is being terminated"); after a test's bulk inserts one may be running, and it ends soon.
      await waitUntil(
        `database ${name} to drop`,
        () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
        () => true,
        { timeoutMs: 20_000, intervalMs: 250 },
      );
    },
  };
}
