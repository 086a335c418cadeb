import { createTestDatabase, waitUntil, type TestDatabase } from "@kabuto/testkit";

import { createDatabase, type Database } from "./client";

describe("a database connection the server drops (real PostgreSQL)", () => {
  let test: TestDatabase;
  let db: Database;
  const lost: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase();
    db = createDatabase(test.url, { log: { lost: (error) => lost.push(error.message), back: () => undefined } });
  });

  afterAll(async () => {
    await db.close();
    await test.drop();
  });

  it("reports the lost idle connection instead of crashing, and the next query reconnects", async () => {
    const { rows } = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await test.pool.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await waitUntil(
      "the pool to report its dropped connection",
      () => lost,
      (seen) => seen.length > 0,
      { timeoutMs: 5_000, intervalMs: 20 },
    );
    expect(lost[0]).toMatch(/terminat/);
    expect((await db.pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
