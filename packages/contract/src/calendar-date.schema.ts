import { z } from "zod";

/** A real calendar date, YYYY-MM-DD: 2026-02-30 and 2026-13-01 are refused, not rolled over. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "は YYYY-MM-DD で指定してください")
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, "は実在する日付で指定してください");

/** A `from`/`to` pair of dates where `from` is not after `to`; the refinement of an object schema. */
export function fromNotAfterTo(range: { from?: string | undefined; to?: string | undefined }): boolean {
  return range.from === undefined || range.to === undefined || range.from <= range.to;
}

/** What a request with `from` after `to` is told. */
export const FROM_AFTER_TO = { message: "'from' は 'to' 以前の日付で指定してください", path: ["from"] };
