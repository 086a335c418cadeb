import { z } from "zod";

import type { IndexBarRow } from "@kabuto/core";

/** One row of J-Quants v2 `/indices/bars/daily/topix`. */
export const jquantsTopixRowSchema = z.object({
  Date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  O: z.number(),
  H: z.number(),
  L: z.number(),
  C: z.number(),
});
export type JQuantsTopixRow = z.infer<typeof jquantsTopixRowSchema>;

/** A J-Quants TOPIX row as Kabuto stores it. */
export function indexBarFromJQuantsTopix(row: JQuantsTopixRow): IndexBarRow {
  return { indexCode: "TOPIX", date: row.Date, open: row.O, high: row.H, low: row.L, close: row.C };
}
