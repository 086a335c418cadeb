import { quoteInput } from "@kabuto/core";

/** JPX writes "-" (and older files, trailing spaces) where there is no value. */
export function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" || text === "-" ? null : text;
}

/** A whole number written as a float (50.0) or text ("0050") → its digits, zero-padded to `width`. */
export function paddedCode(value: unknown, width: number): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  const number = Number(text);
  if (!Number.isInteger(number) || number < 0) throw new Error(`not a code: ${quoteInput(value)}`);
  return String(number).padStart(width, "0");
}

/** A small category code ("1"…"17") from a float or text, without leading zeros. */
export function plainCode(value: unknown): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  const number = Number(text);
  if (!Number.isInteger(number) || number < 0) throw new Error(`not a code: ${quoteInput(value)}`);
  return String(number);
}

/** JPX's date float (20250930.0) or J-Quants' "2025-09-30" → "2025-09-30". */
export function isoDate(value: unknown): string {
  const digits = String(value).trim().replace(/\.0+$/, "").replace(/-/g, "");
  if (!/^\d{8}$/.test(digits)) throw new Error(`not a date: ${quoteInput(value)}`);
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) throw new Error(`not a date: ${quoteInput(value)}`);
  return iso;
}

/**
 * A listing code as JPX writes it: floats lose nothing ("1301", "25935"), text codes are kept
 * ("130A"). J-Quants' 5-character codes end in an extra "0" for 4-character listings.
 */
export function jpxCode(value: unknown): string {
  const text = textOrNull(value);
  if (text === null) throw new Error("empty code");
  const code = typeof value === "number" ? String(value) : text.replace(/\.0+$/, "");
  if (!/^[0-9A-Z]{4,5}$/.test(code)) throw new Error(`not a listing code: ${quoteInput(value)}`);
  return code;
}

/**
 * J-Quants' code ("72030", "130A0", "25935") → JPX's ("7203", "130A", "25935"): a fifth character
 * "0" marks the common share of a 4-character code; preferred shares and rights end otherwise.
 */
export function codeFromJQuants(code: string): string {
  return code.length === 5 && code.endsWith("0") ? code.slice(0, 4) : code;
}
