import { createHash, timingSafeEqual } from "node:crypto";

import { z } from "zod";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** API_KEY as the gateway and the progress service read it. */
export const apiKeySchema = z.string().min(16, "must be at least 16 characters");

/** Compares in constant time; hashing first keeps the length of the expected key from leaking. */
export function apiKeyMatches(expected: string, given: string | undefined): boolean {
  return given !== undefined && timingSafeEqual(digest(expected), digest(given));
}
