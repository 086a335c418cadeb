import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

import { PermanentError } from "@kabuto/core";

import { jquantsDailyBarSchema, type JQuantsDailyBar } from "./jquants-daily-bar";

/** Columns of a bulk CSV that hold text; every other one is a number, empty for null. */
const TEXT_COLUMNS = new Set(["Date", "Code"]);
/** Safety net against a file that never ends: a month of the whole market is about 100,000 rows. */
export const MAX_BULK_ROWS = 2_000_000;

/**
 * The rows of a gzipped J-Quants bulk CSV (`/equities/bars/daily`'s columns in its header) that
 * `keep` accepts, read line by line as the download arrives: the file is never whole in memory.
 */
export async function readBulkDailyBars(
  gzipped: Readable,
  keep: (row: JQuantsDailyBar) => boolean,
  file: string,
): Promise<JQuantsDailyBar[]> {
  const gunzip = createGunzip();
  gzipped.on("error", (error) => gunzip.destroy(error));
  const lines = createInterface({ input: gzipped.pipe(gunzip), crlfDelay: Infinity });
  const rows: JQuantsDailyBar[] = [];
  let columns: string[] | undefined;
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text === "") continue;
    if (!columns) {
      columns = text.split(",");
      continue;
    }
    if (line > MAX_BULK_ROWS) throw new PermanentError(`J-Quants bulk file ${file}: more than ${MAX_BULK_ROWS} rows`);
    const cells = text.split(",");
    const record = Object.fromEntries(
      columns.map((column, index) => {
        const cell = cells[index] ?? "";
        return [column, TEXT_COLUMNS.has(column) ? cell : cell === "" ? null : Number(cell)];
      }),
    );
    const parsed = jquantsDailyBarSchema.safeParse(record);
    if (!parsed.success) throw new PermanentError(`J-Quants bulk file ${file}: line ${line} is malformed`);
    if (keep(parsed.data)) rows.push(parsed.data);
  }
  if (!columns) throw new PermanentError(`J-Quants bulk file ${file} is empty`);
  return rows;
}
