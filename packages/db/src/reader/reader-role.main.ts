import { Client } from "pg";
import { z } from "zod";

import { DATABASE_ENV, loadDotEnv, parseEnv, runMain } from "@kabuto/core";

import { READER_ROLE, READER_VIEWS, grantReaderRole } from "./reader-role";

/** `npm run db:reader`: the read-only role on the database of DATABASE_URL. */
runMain("db:reader", async () => {
  loadDotEnv();
  const env = parseEnv({
    ...DATABASE_ENV,
    KABUTO_READER_PASSWORD: z.string().min(12, "must be at least 12 characters (the kabuto_reader role's password)"),
  });
  const client = new Client({ connectionString: env.DATABASE_URL });
  client.on("error", (error) => process.stderr.write(`db:reader: ${error.message}\n`));
  await client.connect();
  try {
    await grantReaderRole(client, env.KABUTO_READER_PASSWORD);
  } finally {
    await client.end();
  }
  process.stdout.write(`db:reader: role ${READER_ROLE} may read ${READER_VIEWS.join(", ")}\n`);
});
