import { DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR, type DuckDBConnection } from "@duckdb/node-api";

import { RECURSIVE_COLUMNS, recursiveFeatures } from "./recursive-features";

/** Rows per appended chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;
const DAY_MS = 86_400_000;

/** Columns of a streamed row (ADJUSTED_BAR_COLUMNS of @kabuto/db): code, date, then six numbers. */
const DATE = 1;
const FIRST_NUMBER = 2;
const HIGH = 3;
const LOW = 4;
const CLOSE = 5;
const NUMBERS = 6;

const TYPES = [VARCHAR, INTEGER, ...Array.from({ length: NUMBERS + RECURSIVE_COLUMNS.length }, () => DOUBLE)];

/** "2025-01-06" → days since 1970-01-01. */
function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const numberOrNull = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text));

/**
 * Feeds DuckDB the adjusted bars of one COPY (CSV ordered by code, then date: streamAdjustedBarsCsv
 * with pricedOnly) and each row's recurrences (recursive-features.ts, restarting at a symbol's first
 * row), appended as binary chunks: numbers are parsed once and never printed again. Creates the view
 * `bars` (code, date, open … turnover, the recursive columns); `onSymbol` is told each symbol once
 * its last row has passed. Resolves with the rows fed.
 */
export async function feedBars(
  duck: DuckDBConnection,
  csv: AsyncIterable<Buffer | string>,
  onSymbol: (code: string) => void,
): Promise<number> {
  await duck.run(
    `CREATE TABLE bar_rows (code VARCHAR, day INTEGER, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE,
       volume DOUBLE, turnover DOUBLE, ${RECURSIVE_COLUMNS.map((column) => `${column} DOUBLE`).join(", ")})`,
  );
  const appender = await duck.createAppender("bar_rows");
  const codes: string[] = [];
  let columns: (string | number | null)[][] = TYPES.map(() => []);
  let next = recursiveFeatures();
  let rows = 0;

  const flush = () => {
    if (columns[0]!.length === 0) return;
    const chunk = DuckDBDataChunk.create(TYPES, columns[0]!.length);
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
    columns = TYPES.map(() => []);
  };
  const add = (line: string) => {
    const fields = line.split(",");
    const code = fields[0]!;
    if (code !== codes.at(-1)) {
      if (codes.length > 0) onSymbol(codes.at(-1)!);
      codes.push(code);
      next = recursiveFeatures();
    }
    const features = next({ high: Number(fields[HIGH]), low: Number(fields[LOW]), close: Number(fields[CLOSE]) });
    columns[0]!.push(code);
    columns[1]!.push(epochDay(fields[DATE]!));
    for (let index = 0; index < NUMBERS; index++) columns[2 + index]!.push(numberOrNull(fields[FIRST_NUMBER + index]));
    for (const [index, column] of RECURSIVE_COLUMNS.entries()) columns[2 + NUMBERS + index]!.push(features[column]);
    rows += 1;
    if (columns[0]!.length === CHUNK_ROWS) flush();
  };

  try {
    let rest = "";
    for await (const chunk of csv) {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line !== "") add(line);
    }
    if (rest !== "") add(rest);
    flush();
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  if (codes.length > 0) onSymbol(codes.at(-1)!);

  await duck.run(
    `CREATE VIEW bars AS SELECT code, DATE '1970-01-01' + day AS date, * EXCLUDE (code, day) FROM bar_rows`,
  );
  return rows;
}
