import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import type { Pool } from "pg";

import { sqlPath, withDuckDb } from "@kabuto/dataset";
import { createDatabase, streamAdjustedBarsCsv, symbolsWithBars } from "@kabuto/db";

import { dropBenchDatabase, freshBenchDatabase } from "./bench-database";
import type { ExportFigures } from "./export-child";

const MiB = 2 ** 20;
/** The scratch database of the 10-year export (about 11 M rows), dropped once measured. */
const TEN_YEAR_DATABASE = "kabuto_bench_10y";

/** Runs one export in a child process (export-child.ts) and returns what it measured. */
function exportInChild(task: Record<string, string>): Promise<ExportFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, "export-child.js"), JSON.stringify(task)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`export child (${task.kind}) exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ExportFigures);
    });
  });
}

/** The same twelve window features in both engines: sums, means, sample std, over 5, 20 and 60 rows. */
const WINDOW_FEATURES = [
  "avg(close) OVER w20",
  "avg(close) OVER w60",
  "stddev_samp(r1) OVER w20",
  "stddev_samp(r1) OVER w60",
  "avg(volume) OVER w20",
  "avg(volume) OVER w60",
  "avg(ln(high / low) ^ 2) OVER w20",
  "sum(close * volume) OVER w20",
  "sum(volume) OVER w20",
  "stddev_samp(close) OVER w20",
  "sqrt(sum(r1 * r1) OVER w5)",
  "count(r1) OVER w60",
];
const WINDOWS = `WINDOW w AS (PARTITION BY code ORDER BY date), w20 AS (w ROWS 19 PRECEDING),
  w60 AS (w ROWS 59 PRECEDING), w5 AS (w ROWS 4 PRECEDING)`;
/** Summed, so that neither engine can leave a feature uncomputed. */
const featuresOver = (table: string) =>
  `SELECT count(*) AS count, sum(${WINDOW_FEATURES.map((_, index) => `coalesce(f${index}, 0)`).join(" + ")}) AS total
   FROM (SELECT ${WINDOW_FEATURES.map((feature, index) => `${feature} AS f${index}`).join(", ")} FROM (
     SELECT *, close / lag(close) OVER (PARTITION BY code ORDER BY date) - 1 AS r1 FROM ${table}) r ${WINDOWS}) x`;

/**
 * The engine choice, measured: the same window features over the same adjusted bars in PostgreSQL
 * (window functions over a temporary table) and in DuckDB (fed from a COPY stream).
 */
async function engineComparison(pool: Pool, symbols: string[], from: string, to: string): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), "kabuto-bench-engine-"));
  const client = await pool.connect();
  try {
    await client.query("SET work_mem = '256MB'");
    await client.query(
      `CREATE TEMP TABLE engine_bars AS SELECT left(s.symbol, -2) AS code, (b.ts AT TIME ZONE 'Asia/Tokyo')::date AS date, b.*
       FROM unnest($1::text[]) s(symbol) CROSS JOIN LATERAL price_bars_adjusted('yahoo', s.symbol, '1d',
         ($2::date::timestamp AT TIME ZONE 'Asia/Tokyo'), (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'), 'split', NULL, 2147483647) b`,
      [symbols, from, to],
    );
    let started = performance.now();
    const { rows } = await client.query<{ count: string; total: number }>(featuresOver("engine_bars"));
    const postgres = (performance.now() - started) / 1000;
    await client.query("DROP TABLE engine_bars");

    const csv = path.join(work, "bars.csv");
    started = performance.now();
    await pipeline(
      await streamAdjustedBarsCsv(pool, { source: "yahoo", symbols, from, to, adjust: "split" }),
      createWriteStream(csv),
    );
    const copy = (performance.now() - started) / 1000;
    const duck = await withDuckDb(work, { memoryLimit: "2GB", threads: 2 }, async (connection) => {
      await connection.run(
        `CREATE TABLE bars AS SELECT * FROM read_csv(${sqlPath(csv)}, header = false, auto_detect = false, nullstr = '',
           columns = {'code': 'VARCHAR', 'date': 'DATE', 'open': 'DOUBLE', 'high': 'DOUBLE', 'low': 'DOUBLE',
             'close': 'DOUBLE', 'volume': 'DOUBLE', 'turnover': 'DOUBLE'})`,
      );
      const begun = performance.now();
      const result = await connection.runAndReadAll(featuresOver("bars"));
      return { seconds: (performance.now() - begun) / 1000, total: Number(result.getRows()[0]![1]) };
    });
    const agree = Math.abs(duck.total - rows[0]!.total) <= 1e-9 * Math.abs(rows[0]!.total);
    return `  dataset engine    12 window features over ${rows[0]!.count} rows: PostgreSQL ${postgres.toFixed(2)} s, DuckDB ${duck.seconds.toFixed(2)} s (its COPY feed ${copy.toFixed(2)} s), sums ${agree ? "agree" : "DIFFER"} to 1e-9 → DuckDB for windows and Parquet`;
  } finally {
    client.release();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Ten years of daily bars for every symbol of the bench's market, made in SQL (random walks) in a
 * scratch database of their own: the size a whole-market 10-year export has.
 */
async function tenYearMarket(serverUrl: string, symbols: string[]): Promise<{ url: string; from: string; to: string }> {
  const url = await freshBenchDatabase(serverUrl, TEN_YEAR_DATABASE);
  const db = createDatabase(url, { maxConnections: 1 });
  db.pool.on("error", () => undefined);
  const range = { from: "2016-01-04", to: "2025-12-30" };
  try {
    await db.pool.query(
      `INSERT INTO price_bars (source, symbol, interval, ts, open, high, low, close, volume)
       SELECT 'yahoo', s.symbol, '1d', d.day::timestamp AT TIME ZONE 'UTC',
         round((c * (1 + o))::numeric, 1), round((c * (1 + greatest(o, 0) + h))::numeric, 1),
         round((c * (1 + least(o, 0) - l))::numeric, 1), round(c::numeric, 1), v
       FROM unnest($1::text[]) s(symbol) CROSS JOIN LATERAL (
         SELECT day, 1000 * exp(sum((random() - 0.5) * 0.04) OVER (ORDER BY day)) AS c, (random() - 0.5) * 0.02 AS o,
           random() * 0.02 AS h, random() * 0.02 AS l, (100 + random() * 100000)::bigint AS v
         FROM generate_series($2::date, $3::date, '1 day') day
         WHERE extract(isodow FROM day) < 6 AND s.symbol IS NOT NULL) d`,
      [symbols, range.from, range.to],
    );
    await db.pool.query("ANALYZE price_bars");
  } finally {
    await db.close();
  }
  return { url, ...range };
}

/**
 * The ML dataset lines of `npm run bench`: the whole market's stored year, every feature, to
 * Parquet in a child process (seconds, rows/s, peak RSS), its size against the same as CSV, the
 * engine comparison, then a whole-market 10-year price export to CSV and to Parquet in a child
 * process each, for their peak RSS.
 */
export async function datasetRun(options: { databaseUrl: string; serverUrl: string }): Promise<string> {
  const db = createDatabase(options.databaseUrl, { maxConnections: 2 });
  db.pool.on("error", () => undefined);
  const dir = await mkdtemp(path.join(tmpdir(), "kabuto-bench-dataset-"));
  try {
    const { rows } = await db.pool.query<{ from: string; to: string }>(
      `SELECT to_char(min(ts) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS from,
         to_char(max(ts) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS to
       FROM price_bars WHERE source = 'yahoo' AND interval = '1d'`,
    );
    const { from, to } = rows[0]!;
    const symbols = await symbolsWithBars(db.pool, { source: "yahoo", from, to });
    const dataset = await exportInChild({
      kind: "dataset",
      databaseUrl: options.databaseUrl,
      from,
      to,
      format: "parquet",
      dir: path.join(dir, "dataset"),
      memoryLimit: "2GB",
    });
    const engine = await engineComparison(db.pool, symbols, from, to);
    await rm(path.join(dir, "dataset"), { recursive: true, force: true });

    const market = await tenYearMarket(options.serverUrl, symbols);
    const task = { kind: "prices", databaseUrl: market.url, from: market.from, to: market.to, dir };
    const csv = await exportInChild({ ...task, format: "csv" });
    await rm(path.join(dir, "prices.csv"), { force: true });
    const parquet = await exportInChild({ ...task, format: "parquet" });
    await dropBenchDatabase(options.serverUrl, TEN_YEAR_DATABASE);
    const ratio = (dataset.bytes / dataset.csvBytes!) * 100;
    return [
      `  dataset           ${symbols.length} symbols ${from}..${to}, ${dataset.rows} rows × 65 columns to Parquet in ${dataset.seconds.toFixed(1)} s = ${(dataset.rows / dataset.seconds).toFixed(0)} rows/s (goal ≤ 15 s, ≥ 70000 rows/s), peak RSS ${dataset.maxRssMiB.toFixed(0)} MiB`,
      `  dataset size      Parquet ${(dataset.bytes / MiB).toFixed(0)} MiB = ${ratio.toFixed(1)} % of the same as CSV (${(dataset.csvBytes! / MiB).toFixed(0)} MiB) (goal ≤ 25 %)`,
      engine,
      `  price export 10 y ${symbols.length} symbols ${market.from}..${market.to}, ${csv.rows} rows: CSV ${(csv.bytes / MiB).toFixed(0)} MiB in ${csv.seconds.toFixed(1)} s, peak RSS ${csv.maxRssMiB.toFixed(0)} MiB; Parquet ${(parquet.bytes / MiB).toFixed(0)} MiB in ${parquet.seconds.toFixed(1)} s, peak RSS ${parquet.maxRssMiB.toFixed(0)} MiB (goal ≤ 512 MiB)`,
    ].join("\n");
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
