import { z } from "zod";

/** `limit` of a paged query: 1 to `max`, `fallback` when absent. */
export function pageLimit(max: number, fallback: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

/**
 * `offset` of a paged query, its schema stated: the OpenAPI generator probes with `null`,
 * which coercion turns into the valid 0, and would document the parameter as nullable.
 */
export const pageOffset = z.coerce.number().int().min(0).default(0).meta({ type: "integer", minimum: 0, default: 0 });

/** A count in an answer. */
export const count = z.number().int().min(0);

/** `"true"` or `"false"` in a query string, as a boolean. */
export const booleanText = z.enum(["true", "false"]).transform((value) => value === "true");
