import type { Response } from "express";
import { z } from "zod";

/** J-Quants takes dates as YYYYMMDD or YYYY-MM-DD; the simulator works in YYYY-MM-DD. */
export const jquantsDate = z
  .string()
  .regex(/^\d{4}-?\d{2}-?\d{2}$/)
  .transform((text) => (text.includes("-") ? text : `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`));

/** `date` moved by `days` calendar days (YYYY-MM-DD). */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const paginationKey = z.string().optional();

/** J-Quants' error body. */
export function jquantsError(response: Response, status: number, message: string) {
  response.status(status).json({ message });
}

/** J-Quants' 5-character code: 4-character codes get a trailing 0. */
export function jquantsCode(code: string): string {
  return code.length === 4 ? `${code}0` : code;
}

/** The JPX code of a J-Quants code ("72030" → "7203"; "7203" and "25935" stay), as `known` has it. */
export function jpxCode(code: string, known: (code: string) => boolean): string {
  const short = code.length === 5 && code.endsWith("0") ? code.slice(0, 4) : code;
  return known(short) ? short : code;
}
