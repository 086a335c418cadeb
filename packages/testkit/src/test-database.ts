import { Client } from "pg";

import { createDatabase, type Database } from "@kabuto/db";

import type { DatabaseServer } from "./private-servers";
import { templateDatabase, testDatabaseName, testServers, withDatabase } from "./test-env";
import { waitUntil } from "./wait-until";

/** A migrated database of its own for one test file. */
export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The shared server and this jest run's template. */
function sharedServer(): DatabaseServer {
  return { url: testServers().databaseUrl, template: templateDatabase() };
}

/** Copies the migrated template into a new database (fast: a file copy inside PostgreSQL). */
export async function createTestDatabase(server: DatabaseServer = sharedServer()): Promise<TestDatabase> {
  const name = testDatabaseName();
  await admin(server.url, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${server.template}"`));
  const url = withDatabase(server.url, name);
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
        () => admin(server.url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
        () => true,
        { timeoutMs: 20_000, intervalMs: 250 },
      );
    },
  };
}
