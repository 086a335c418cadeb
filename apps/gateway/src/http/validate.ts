import { z } from "zod";

import { quoteInput } from "@kabuto/core";

import { ApiError } from "./api-error";

/** zod's own messages in Japanese, like the API's other messages; a schema's own message still wins. */
const JAPANESE_MESSAGES = z.locales.ja().localeError;

/**
 * The Japanese messages, except that object keys the caller sent (zod quotes unrecognised keys)
 * come as short, sanitised excerpts: the other messages name only what the schema expects.
 */
const messageOf: z.core.$ZodErrorMap = (issue) =>
  issue.code === "unrecognized_keys"
    ? `認識されていないキー: ${issue.keys
        .slice(0, 5)
        .map((key) => quoteInput(key))
        .join("、")}`
    : JAPANESE_MESSAGES(issue);

/** Path segments are the schema's field names, or a record key or index the caller chose. */
const PLAIN_PATH = /^[\p{L}\p{N}_.-]{1,64}$/u;

function fieldOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "";
  const joined = path.map(String).join(".");
  return PLAIN_PATH.test(joined) ? `'${joined}'` : quoteInput(joined);
}

/**
 * Parses request input (`request.body`, `request.query` or `request.params`) with a zod schema;
 * a mismatch throws a 400 `VALIDATION_ERROR` naming the first wrong field, e.g.
 * `'limit' 大きすぎる値: numberは1000以下である必要があります`. A schema's message that already
 * starts with the quoted field (`'symbols' は文字列リストで指定してください`) is kept as it is.
 * The message never carries the caller's input raw (see quoteInput).
 */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input, { error: messageOf });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue?.message ?? "入力が不正です";
  const field = issue ? fieldOf(issue.path) : "";
  throw new ApiError("VALIDATION_ERROR", field && !message.startsWith(field) ? `${field} ${message}` : message);
}
