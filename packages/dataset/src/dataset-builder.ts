import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import { DuckDBDateValue } from "@duckdb/node-api";
import type { Pool } from "pg";

import type { QualityCounts } from "@kabuto/contract";
import type { Provider } from "@kabuto/core";
import { qualityCountsInRange, readIndexCloses, streamAdjustedBarsCsv, type DatasetFile } from "@kabuto/db";

import { feedBars } from "./bar-feed";
import { DATASET_FILES } from "./dataset-file";
import { datasetMetadata, type DatasetMetadata } from "./dataset-metadata";
import { sqlPath, withDuckDb, type DuckDbLimits } from "./duckdb-session";
import { DATASET_COLUMNS } from "./feature-columns";
import { FEATURES_SQL } from "./feature.sql";

/** What one build computes and where it writes. */
export interface DatasetBuild {
  /** The dataset's own directory; created, and holding only its files once done. */
  dir: string;
  format: "parquet" | "csv";
  source: Provider;
  /** Yahoo symbols ("7203.T"). */
  symbols: readonly string[];
  from: string;
  to: string;
  /** The request that made it, as metadata.json records it. */
  request: unknown;
}

export interface DatasetBuildDeps {
  pool: Pool;
  limits: DuckDbLimits;
  /** Told once per symbol whose rows have been read and its recurrences computed. */
  onSymbol?: (code: string) => void;
  /** Told when the window features and the file are being written. */
  onStage?: (stage: "features") => void;
}

export interface BuiltDataset {
  rows: number;
  files: DatasetFile[];
  metadata: DatasetMetadata;
}

const DAY_MS = 86_400_000;

async function fileOf(dir: string, name: string): Promise<DatasetFile> {
  return { name, bytes: (await stat(path.join(dir, name))).size };
}

/**
 * Builds one dataset: the adjusted daily bars stream from PostgreSQL (COPY through
 * price_bars_adjusted) into DuckDB with their recurrences (bar-feed.ts), DuckDB joins the stored
 * TOPIX and computes the window features (feature.sql.ts) into Parquet, or CSV from that Parquet;
 * then metadata.json. Features are over the requested range only: a symbol's first row has no
 * history, and a symbol with too few rows has nulls where a window is not full.
 */
export async function buildDataset(deps: DatasetBuildDeps, build: DatasetBuild): Promise<BuiltDataset> {
  const work = path.join(build.dir, ".work");
  await rm(build.dir, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const parquetFile = path.join(work, DATASET_FILES.parquet);
  const topix = await readIndexCloses(deps.pool, { indexCode: "TOPIX", from: build.from, to: build.to });

  const stats = await withDuckDb(work, deps.limits, async (duck) => {
    const bars = await streamAdjustedBarsCsv(deps.pool, {
      source: build.source,
      symbols: build.symbols,
      from: build.from,
      to: build.to,
      adjust: "split",
      pricedOnly: true,
    });
    await feedBars(duck, bars, deps.onSymbol ?? (() => {}));
    deps.onStage?.("features");
    await duck.run("CREATE TABLE topix (date DATE, close DOUBLE)");
    const index = await duck.createAppender("topix");
    for (const bar of topix) {
      index.appendDate(new DuckDBDateValue(Date.parse(`${bar.date}T00:00:00Z`) / DAY_MS));
      index.appendDouble(bar.close);
      index.endRow();
    }
    index.flushSync();
    index.closeSync();
    await duck.run(
      `COPY (${FEATURES_SQL}) TO ${sqlPath(parquetFile)} (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION v2)`,
    );
    await duck.run("DROP VIEW bars");
    await duck.run("DROP TABLE bar_rows");
    const counted = await duck.runAndReadAll(
      `SELECT count(*)::DOUBLE, strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d'),
         (${DATASET_COLUMNS.map((column) => `count(*) - count(${column})`).join(" + ")})::DOUBLE
       FROM read_parquet(${sqlPath(parquetFile)})`,
    );
    const [rows, first, last, nulls] = counted.getRows()[0]! as [number, string | null, string | null, number];
    if (build.format === "csv") {
      await duck.run(
        `COPY (SELECT * FROM read_parquet(${sqlPath(parquetFile)})) TO ${sqlPath(path.join(build.dir, DATASET_FILES.csv))} (FORMAT csv, HEADER)`,
      );
    }
    return { rows, first, last, nulls };
  });
  if (build.format === "parquet") await rename(parquetFile, path.join(build.dir, DATASET_FILES.parquet));
  await rm(work, { recursive: true, force: true });

  const quality: QualityCounts = await qualityCountsInRange(deps.pool, {
    source: build.source,
    from: build.from,
    to: build.to,
    symbols: build.symbols,
  });
  const metadata = datasetMetadata({
    build,
    rows: stats.rows,
    dates: stats.first && stats.last ? { start: stats.first, end: stats.last } : null,
    nullRatio: stats.rows === 0 ? 0 : stats.nulls / (stats.rows * DATASET_COLUMNS.length),
    quality,
    topixDays: topix.length,
  });
  await writeFile(path.join(build.dir, DATASET_FILES.metadata), `${JSON.stringify(metadata, null, 2)}\n`);
  const data = build.format === "parquet" ? DATASET_FILES.parquet : DATASET_FILES.csv;
  return {
    rows: stats.rows,
    files: [await fileOf(build.dir, data), await fileOf(build.dir, DATASET_FILES.metadata)],
    metadata,
  };
}
