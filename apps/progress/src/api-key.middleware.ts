import type { Socket } from "socket.io";
import { z } from "zod";

import { apiKeyMatches, type AuthFailureLimiter } from "@kabuto/core";

/** The connect_error message a client sees for a missing or wrong key. */
export const UNAUTHORIZED = "unauthorized";
/** The connect_error message once its address has used up its failed attempts this minute. */
export const TOO_MANY_FAILURES = "too many failed attempts; try again later";
/** The connect_error message when Redis, which counts the failures, does not answer. */
export const UNAVAILABLE = "unavailable";

const handshakeAuthSchema = z.object({ apiKey: z.string() });

/**
 * Refuses a connection without `auth: { apiKey }` equal to API_KEY; without API_KEY, everyone may
 * connect. As on the gateway (and counted with it), an address past its failed attempts this minute
 * is refused before its key is compared.
 */
export function apiKeyMiddleware(apiKey: string | undefined, failures: AuthFailureLimiter) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    if (apiKey === undefined) return next();
    const address = socket.handshake.address;
    const check = async () => {
      if ((await failures.blockedFor(address)) !== undefined) return new Error(TOO_MANY_FAILURES);
      const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
      if (auth.success && apiKeyMatches(apiKey, auth.data.apiKey)) return undefined;
      await failures.recordFailure(address);
      return new Error(UNAUTHORIZED);
    };
    check().then(next, () => next(new Error(UNAVAILABLE)));
  };
}
