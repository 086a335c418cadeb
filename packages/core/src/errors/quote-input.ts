/** How many characters of untrusted input an error message quotes at most. */
export const QUOTE_MAX_CHARS = 32;

/**
 * A short, printable excerpt of untrusted input (a file's bytes, a cell, a request field) for an
 * error message: whitespace runs folded to one space, control and format characters (NUL, bidi
 * overrides, zero-width) dropped, cut at `maxChars` with "…", in double quotes. Messages that
 * name what a caller sent go through this, so they never carry it raw.
 */
export function quoteInput(value: unknown, maxChars = QUOTE_MAX_CHARS): string {
  const text = String(value)
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, "")
    .trim();
  const chars = Array.from(text);
  return JSON.stringify(chars.length > maxChars ? `${chars.slice(0, maxChars).join("")}…` : text);
}
