import { z } from "zod";

/**
 * Text of at most `max` characters without control characters: PostgreSQL refuses a NUL in text
 * (a 500 otherwise), and CR, LF or ESC have no place in a code, a name or a key.
 */
export function plainText(max: number) {
  return z
    .string()
    .max(max)
    .regex(/^\P{Cc}*$/u, "に制御文字は使えません");
}
