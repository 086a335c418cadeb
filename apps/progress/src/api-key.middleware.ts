import { createHash, timingSafeEqual } from "node:crypto";

import type { Socket } from "socket.io";
import { z } from "zod";

/** The connect_error message a client sees for a missing or wrong key. */
export const UNAUTHORIZED = "unauthorized";

const handshakeAuthSchema = z.object({ apiKey: z.string() });

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares in constant time; hashing first keeps the length of the expected key from leaking. */
export function apiKeyMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

/** Refuses a connection without `auth: { apiKey }` equal to API_KEY; without API_KEY, everyone may connect. */
export function apiKeyMiddleware(apiKey: string | undefined) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    if (apiKey === undefined) return next();
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    next(auth.success && apiKeyMatches(apiKey, auth.data.apiKey) ? undefined : new Error(UNAUTHORIZED));
  };
}
