import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";

import { z } from "zod";

import { DEFAULT_DUCKDB_LIMITS, buildDataset, exportPrices, sqlPath, withDuckDb } from "@kabuto/dataset";
import { createDatabase, symbolsWithBars } from "@kabuto/db";

/** What the bench asks of one child: a dataset build or a price export of the whole market. */
const taskSchema = z.object({
  kind: z.enum(["dataset", "prices"]),
  databaseUrl: z.string(),
  from: z.string(),
  to: z.string(),
  format: z.enum(["parquet", "csv"]),
  dir: z.string(),
  memoryLimit: z.string().default(DEFAULT_DUCKDB_LIMITS.memoryLimit),
});

/** What it reports on its last line of stdout. */
export interface ExportFigures {
  rows: number;
  seconds: number;
  bytes: number;
  /** The same dataset as CSV (datasets only, written after the timing). */
  csvBytes?: number;
  maxRssMiB: number;
}

/**
 * One export in a process of its own, so its peak RSS is its own (`process.resourceUsage().maxRSS`
 * at the end): run by the bench as `node export-child.js '<task JSON>'`.
 */
async function main() {
  const task = taskSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
  const db = createDatabase(task.databaseUrl, { maxConnections: 2 });
  db.pool.on("error", () => undefined);
  try {
    const symbols = await symbolsWithBars(db.pool, { source: "yahoo", from: task.from, to: task.to });
    const started = performance.now();
    let figures: ExportFigures;
    if (task.kind === "dataset") {
      const built = await buildDataset(
        { pool: db.pool, limits: { memoryLimit: task.memoryLimit, threads: DEFAULT_DUCKDB_LIMITS.threads } },
        { dir: task.dir, format: task.format, source: "yahoo", symbols, from: task.from, to: task.to, request: task },
      );
      const seconds = (performance.now() - started) / 1000;
      const parquet = path.join(task.dir, "dataset.parquet");
      const csv = path.join(task.dir, "dataset.csv");
      await withDuckDb(task.dir, DEFAULT_DUCKDB_LIMITS, (duck) =>
        duck.run(`COPY (SELECT * FROM read_parquet(${sqlPath(parquet)})) TO ${sqlPath(csv)} (FORMAT csv, HEADER)`),
      );
      figures = {
        rows: built.rows,
        seconds,
        bytes: built.files[0]!.bytes,
        csvBytes: (await stat(csv)).size,
        maxRssMiB: process.resourceUsage().maxRSS / 1024,
      };
    } else {
      const file = path.join(task.dir, `prices.${task.format}`);
      await exportPrices(
        { pool: db.pool, workDir: task.dir },
        { source: "yahoo", symbols, from: task.from, to: task.to, adjust: "split" },
        task.format,
        createWriteStream(file),
      );
      const { rows } = await db.pool.query<{ rows: string }>(
        "SELECT count(*) AS rows FROM price_bars WHERE source = 'yahoo' AND interval = '1d'",
      );
      figures = {
        rows: Number(rows[0]!.rows),
        seconds: (performance.now() - started) / 1000,
        bytes: (await stat(file)).size,
        maxRssMiB: process.resourceUsage().maxRSS / 1024,
      };
    }
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`export failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
