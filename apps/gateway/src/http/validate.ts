import type { z } from "zod";

import { ApiError } from "./api-error";

/** Parses request input with a zod schema; a mismatch answers 400 naming the field. */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? `'${issue.path.join(".")}' ` : "";
  throw new ApiError("VALIDATION_ERROR", `${field}${issue?.message ?? "入力が不正です"}`.trim());
}
