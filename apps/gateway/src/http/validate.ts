import { z } from "zod";

import { ApiError } from "./api-error";

/** zod's own messages in Japanese, like the API's other messages; a schema's own message still wins. */
const JAPANESE_MESSAGES = z.locales.ja().localeError;

/** zod quotes unknown keys in its messages: a control character in one is written `\u0000`, never sent. */
function visible(text: string): string {
  return text.replace(/\p{Cc}/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Parses request input (`request.body`, `request.query` or `request.params`) with a zod schema;
 * a mismatch throws a 400 `VALIDATION_ERROR` naming the first wrong field, e.g.
 * `'limit' 大きすぎる値: numberは1000以下である必要があります`. A schema's message that already
 * starts with the quoted field (`'symbols' は文字列リストで指定してください`) is kept as it is.
 */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input, { error: JAPANESE_MESSAGES });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue?.message ?? "入力が不正です";
  const field = issue?.path.length ? `'${issue.path.join(".")}'` : "";
  throw new ApiError(
    "VALIDATION_ERROR",
    visible(field && !message.startsWith(field) ? `${field} ${message}` : message),
  );
}
