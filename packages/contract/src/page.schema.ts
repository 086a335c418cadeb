import { z } from "zod";

/** Decimal digits only: `Number()` alone would also take "0x10", " 5", "1e3" and, for 0, "". */
const queryInteger = z
  .string()
  .regex(/^[0-9]{1,9}$/, "は整数で指定してください")
  .transform(Number);

/**
 * `limit` of a paged query: 1 to `max`, `fallback` when absent. The schemas of these two are
 * stated for the OpenAPI document, which would otherwise describe the string they are sent as.
 */
export function pageLimit(max: number, fallback: number) {
  return queryInteger
    .pipe(z.number().min(1).max(max))
    .default(fallback)
    .meta({ type: "integer", minimum: 1, maximum: max, default: fallback });
}

/** `offset` of a paged query: 0 or more. */
export const pageOffset = queryInteger.default(0).meta({ type: "integer", minimum: 0, default: 0 });

/** A count in an answer. */
export const count = z.number().int().min(0);

/** `"true"` or `"false"` in a query string, as a boolean. */
export const booleanText = z.enum(["true", "false"]).transform((value) => value === "true");
