import { escapeIdentifier, escapeLiteral, type ClientBase } from "pg";

/** The read-only role for SQL and Python readers. */
export const READER_ROLE = "kabuto_reader";

/** The stable views the reader role may read (prisma/migrations/…_reader_views), and nothing else. */
export const READER_VIEWS = ["v_daily_prices", "v_companies"] as const;

/**
 * Creates the reader role, or sets its password when it exists, and lets it read the stable views
 * of the database `client` is connected to. Roles belong to the whole server, grants to one
 * database: run it once per database. Needs a role with CREATEROLE.
 */
export async function grantReaderRole(client: ClientBase, password: string): Promise<void> {
  const role = escapeIdentifier(READER_ROLE);
  await client.query("BEGIN");
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [READER_ROLE]);
    const verb = rowCount ? "ALTER" : "CREATE";
    await client.query(
      `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${escapeLiteral(password)}`,
    );
    // Read-only twice over: only SELECT is granted, and every transaction it opens is read-only.
    await client.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    await client.query(`GRANT CONNECT ON DATABASE ${escapeIdentifier(rows[0]!.name)} TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await client.query(`GRANT SELECT ON ${READER_VIEWS.map((view) => escapeIdentifier(view)).join(", ")} TO ${role}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
