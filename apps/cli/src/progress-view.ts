import type { Clock, Output } from "./cli-deps";

const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";
const CLEAR_TO_END = "\x1b[K";

/**
 * Draws a progress line: redrawn in place on a TTY (cursor hidden meanwhile), otherwise one line
 * every `lineIntervalMs` and at every status change, which reads well in CI logs.
 */
export function createProgressView(out: Output, clock: Clock, lineIntervalMs: number) {
  const tty = out.isTTY === true;
  let drawing = false;
  let lastPrinted: string | undefined;
  let lastKey: string | undefined;
  let lastPrintedAt = -Infinity;

  return {
    /** `key` is what forces a line without a TTY when it changes (the status). */
    update(line: string, key: string): void {
      if (tty) {
        if (!drawing) out.write(HIDE_CURSOR);
        drawing = true;
        out.write(`\r${line}${CLEAR_TO_END}`);
      } else if (key !== lastKey || clock.now() - lastPrintedAt >= lineIntervalMs) {
        out.write(`${line}\n`);
        lastPrinted = line;
        lastPrintedAt = clock.now();
      }
      lastKey = key;
    },
    /** Leaves the last line on screen, ends it and gives the cursor back. */
    finish(line: string): void {
      if (tty) {
        out.write(`\r${line}${CLEAR_TO_END}\n${drawing ? SHOW_CURSOR : ""}`);
      } else if (line !== lastPrinted) {
        out.write(`${line}\n`);
      }
      drawing = false;
    },
    /** On Ctrl-C or an error: end the line and show the cursor again. */
    abort(): void {
      if (tty && drawing) out.write(`\n${SHOW_CURSOR}`);
      drawing = false;
    },
  };
}

export type ProgressView = ReturnType<typeof createProgressView>;
