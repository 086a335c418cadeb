import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { Client } from "pg";

import { createTestDatabase, startPrivateServers, type PrivateServers, type TestDatabase } from "@kabuto/testkit";

import { READER_ROLE } from "./reader-role";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../../..");
const PASSWORD = "reader-test-password-0123";

async function asReader<T>(db: TestDatabase, work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(db.url);
  url.username = READER_ROLE;
  url.password = PASSWORD;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The role needs CREATEROLE, which the shared server's kabuto role lacks: a private server, where
 * the test is superuser (its trust authentication takes any password, so privileges are what is
 * tested here, not the password).
 */
describe("npm run db:reader: the kabuto_reader role and the stable views (private PostgreSQL)", () => {
  jest.setTimeout(120_000);
  let servers: PrivateServers;
  let db: TestDatabase;

  beforeAll(async () => {
    servers = await startPrivateServers();
    db = await createTestDatabase(servers.database);
    await db.pool.query(`
      INSERT INTO companies (code, company_name, market_name, is_active, source, updated_at)
      VALUES ('1301', '極洋', 'プライム', true, 'jpx', now()), ('130A', 'Veritas In Silico', 'グロース', true, 'jpx', now());
      -- 1301 splits 2:1 on 2026-11-19; its bar of the 18th was stored split-adjusted as of the 20th (already halved)
      INSERT INTO corporate_actions (source, symbol, ex_date, kind, ratio, amount, updated_at) VALUES
        ('yahoo', '1301.T', '2026-11-19', 'split', 2, NULL, now()),
        ('yahoo', '1301.T', '2026-11-10', 'dividend', NULL, 30, now());
      INSERT INTO price_bars (source, symbol, interval, ts, open, high, low, close, volume, turnover, split_basis) VALUES
        ('yahoo', '1301.T', '1d', '2026-11-16T15:00:00Z', 4000, 4100, 3950, 4050, 1000, NULL, NULL),
        ('yahoo', '1301.T', '1d', '2026-11-17T15:00:00Z', 2030, 2060, 2000, 2050, 2400, NULL, '2026-11-20'),
        ('yahoo', '1301.T', '1d', '2026-11-18T15:00:00Z', 2050, 2080, 2020, 2070, 2600, NULL, NULL),
        ('yahoo', '1301.T', '1h', '2026-11-18T01:00:00Z', 2050, 2060, 2040, 2055, 300, NULL, NULL),
        ('jquants', '1301.T', '1d', '2026-11-18T15:00:00Z', 2051, 2081, 2021, 2071, 2601, 5380000, NULL),
        ('jquants', '130A.T', '1d', '2026-11-18T15:00:00Z', 800, 820, 790, 810, 50000, 40500000, NULL);
    `);
    const { stdout } = await run(process.execPath, [path.join(ROOT, "packages/db/dist/reader/reader-role.main.js")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: db.url, KABUTO_READER_PASSWORD: PASSWORD },
      timeout: 30_000,
    });
    expect(stdout).toContain("role kabuto_reader may read v_daily_prices, v_companies");
  });

  afterAll(async () => {
    await db?.drop();
    await servers?.close();
  });

  it("reads one day's whole market and the companies through the role", async () => {
    const { rows } = await asReader(db, (client) =>
      client.query("SELECT * FROM v_daily_prices WHERE date = '2026-11-19' ORDER BY source, code"),
    );
    expect(rows).toEqual([
      {
        source: "jquants",
        code: "1301",
        date: expect.any(Date),
        open: 2051,
        high: 2081,
        low: 2021,
        close: 2071,
        volume: 2601,
        turnover: 5380000,
      },
      {
        source: "jquants",
        code: "130A",
        date: expect.any(Date),
        open: 800,
        high: 820,
        low: 790,
        close: 810,
        volume: 50000,
        turnover: 40500000,
      },
      {
        source: "yahoo",
        code: "1301",
        date: expect.any(Date),
        open: 2050,
        high: 2080,
        low: 2020,
        close: 2070,
        volume: 2600,
        turnover: null,
      },
    ]);
    const companies = await asReader(db, (client) =>
      client.query("SELECT code, market_name FROM v_companies ORDER BY code"),
    );
    expect(companies.rows).toEqual([
      { code: "1301", market_name: "プライム" },
      { code: "130A", market_name: "グロース" },
    ]);
  });

  it("splits-adjusts each day's bars exactly as price_bars_adjusted(…, 'split') does", async () => {
    const view = await db.pool.query(
      "SELECT date::text, open, high, low, close, volume FROM v_daily_prices WHERE source = 'yahoo' AND code = '1301' ORDER BY date",
    );
    const read = await db.pool.query(
      `SELECT ((ts AT TIME ZONE 'Asia/Tokyo')::date)::text AS date, open, high, low, close, volume
       FROM price_bars_adjusted('yahoo', '1301.T', '1d', '-infinity', 'infinity', 'split', NULL, 100)`,
    );
    expect(view.rows).toEqual(read.rows);
    // before the split: halved, volume doubled; the bar stored on the split's basis as it was; no hourly bar
    expect(view.rows.map((row) => [row.date, row.close, row.volume])).toEqual([
      ["2026-11-17", 2025, 2000],
      ["2026-11-18", 2050, 2400],
      ["2026-11-19", 2070, 2600],
    ]);
  });

  it("may read nothing else and write nothing", async () => {
    await asReader(db, async (client) => {
      await expect(client.query("SELECT count(*) FROM price_bars")).rejects.toThrow(/permission denied/);
      await expect(client.query("SELECT count(*) FROM companies")).rejects.toThrow(/permission denied/);
      await expect(client.query("DELETE FROM v_companies")).rejects.toThrow(/read-only transaction|permission denied/);
      await expect(client.query("CREATE TABLE mine (id int)")).rejects.toThrow(
        /read-only transaction|permission denied/,
      );
    });
  });

  it("run again, keeps the role and its grants", async () => {
    await run(process.execPath, [path.join(ROOT, "packages/db/dist/reader/reader-role.main.js")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: db.url, KABUTO_READER_PASSWORD: PASSWORD },
      timeout: 30_000,
    });
    const { rows } = await asReader(db, (client) => client.query("SELECT count(*)::int AS n FROM v_daily_prices"));
    expect(rows).toEqual([{ n: 5 }]);
  });
});
