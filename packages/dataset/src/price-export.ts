import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { Pool } from "pg";

import { streamAdjustedBarsCsv, type ADJUSTED_BAR_COLUMNS, type AdjustedBarsQuery } from "@kabuto/db";

import { sqlPath, withDuckDb, type DuckDbLimits } from "./duckdb-session";

const BAR_COLUMN_TYPES: Record<(typeof ADJUSTED_BAR_COLUMNS)[number], string> = {
  code: "VARCHAR",
  date: "DATE",
  open: "DOUBLE",
  high: "DOUBLE",
  low: "DOUBLE",
  close: "DOUBLE",
  volume: "BIGINT",
  turnover: "DOUBLE",
};

/**
 * DuckDB's share of a Parquet export: it only re-encodes a file, row group by row group, so one
 * thread and little memory do (and keep the export's whole process under 512 MiB).
 */
export const PRICE_EXPORT_LIMITS: DuckDbLimits = { memoryLimit: "128MB", threads: 1 };

/**
 * Writes a selection's daily bars (as read through price_bars_adjusted) to `out` as CSV with a
 * header, or as Parquet. CSV goes straight from PostgreSQL's COPY to `out`; Parquet's footer comes
 * last, so the COPY goes to a file under `workDir`, DuckDB turns it into Parquet there, and that
 * file is streamed out and removed. Either way no more than the streams' buffers and DuckDB's
 * memory limit is held, however many rows.
 */
export async function exportPrices(
  deps: { pool: Pool; workDir: string; limits?: DuckDbLimits },
  query: AdjustedBarsQuery,
  format: "csv" | "parquet",
  out: Writable,
): Promise<void> {
  if (format === "csv") {
    await pipeline(await streamAdjustedBarsCsv(deps.pool, query, { header: true }), out);
    return;
  }
  const work = await mkdtemp(path.join(deps.workDir, "prices-"));
  try {
    const csv = path.join(work, "bars.csv");
    const parquet = path.join(work, "bars.parquet");
    await pipeline(await streamAdjustedBarsCsv(deps.pool, query), createWriteStream(csv));
    await withDuckDb(work, deps.limits ?? PRICE_EXPORT_LIMITS, async (duck) => {
      const columns = `{${Object.entries(BAR_COLUMN_TYPES)
        .map(([name, type]) => `'${name}': '${type}'`)
        .join(", ")}}`;
      await duck.run(
        `COPY (SELECT * FROM read_csv(${sqlPath(csv)}, header = false, auto_detect = false, nullstr = '', columns = ${columns}))
         TO ${sqlPath(parquet)} (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION v2)`,
      );
    });
    await rm(csv);
    await pipeline(createReadStream(parquet), out);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
