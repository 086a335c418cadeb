import { Transform, type TransformCallback } from "node:stream";

import { RECURSIVE_COLUMNS, recursiveFeatures } from "./recursive-features";

/** Columns of an input row (ADJUSTED_BAR_COLUMNS of @kabuto/db): code, date, open, high, low, close, volume, turnover. */
const HIGH = 3;
const LOW = 4;
const CLOSE = 5;

const text = (value: number | null) => (value === null ? "" : String(value));

/**
 * Appends {@link RECURSIVE_COLUMNS} to every CSV row of adjusted bars (ordered by code, then date:
 * one COPY of streamAdjustedBarsCsv), a symbol's recurrences restarting at its first row.
 * `onSymbol` is told each symbol once its last row has passed. Numbers keep every digit: PostgreSQL
 * and JavaScript both print floats as their shortest exact form.
 */
export function recursiveFeaturesTransform(onSymbol: (code: string) => void): Transform {
  let rest = "";
  let code: string | undefined;
  let next = recursiveFeatures();

  function row(line: string): string {
    const fields = line.split(",");
    if (fields[0] !== code) {
      if (code !== undefined) onSymbol(code);
      code = fields[0];
      next = recursiveFeatures();
    }
    const features = next({ high: Number(fields[HIGH]), low: Number(fields[LOW]), close: Number(fields[CLOSE]) });
    return `${line},${RECURSIVE_COLUMNS.map((column) => text(features[column])).join(",")}\n`;
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      callback(
        null,
        lines
          .filter((line) => line !== "")
          .map(row)
          .join(""),
      );
    },
    flush(callback: TransformCallback) {
      const last = rest === "" ? "" : row(rest);
      if (code !== undefined) onSymbol(code);
      callback(null, last);
    },
  });
}
