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
    // Only the code and three prices are read: scanning for their commas beats splitting the line.
    const commas = [line.indexOf(",")];
    while (commas.length <= CLOSE) commas.push(line.indexOf(",", commas.at(-1)! + 1));
    const field = (index: number) => Number(line.slice(commas[index - 1]! + 1, commas[index]));
    const rowCode = line.slice(0, commas[0]);
    if (rowCode !== code) {
      if (code !== undefined) onSymbol(code);
      code = rowCode;
      next = recursiveFeatures();
    }
    const features = next({ high: field(HIGH), low: field(LOW), close: field(CLOSE) });
    let out = line;
    for (const column of RECURSIVE_COLUMNS) out += `,${text(features[column])}`;
    return `${out}\n`;
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
