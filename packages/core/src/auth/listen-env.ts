import { isIPv4, isIPv6 } from "node:net";

import { z } from "zod";

import { apiKeySchema } from "./api-key";
import { parseAddress } from "./ip-address";

/** Where a server listens when HOST is unset: this machine only. */
export const DEFAULT_HOST = "127.0.0.1";

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Whether a listen address only accepts connections from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === "localhost") return true;
  const parsed = parseAddress(host);
  if (parsed.family === 4) return parsed.ipv4.startsWith("127.");
  if (parsed.family === 6) return parsed.groups.slice(0, 7).every((group) => group === 0) && parsed.groups[7] === 1;
  return false;
}

/** A listen address: an IP address or a host name. */
export const hostSchema = z.string().refine((host) => isIPv4(host) || isIPv6(host) || HOST_NAME.test(host), {
  message: "must be an IP address or a host name (0.0.0.0 listens on every interface)",
});

/** What a server that takes API keys reads: where to listen and the key. */
export const LISTEN_ENV = {
  HOST: hostSchema.default(DEFAULT_HOST),
  API_KEY: apiKeySchema.optional(),
};

/**
 * Refuses to listen beyond this machine without a key: every route and event would be open to
 * the network. Passed to parseEnv, so the refusal is reported like any other bad variable.
 */
export function requireApiKeyOffLoopback(env: { HOST: string; API_KEY?: string }, context: z.RefinementCtx): void {
  if (env.API_KEY !== undefined || isLoopbackHost(env.HOST)) return;
  context.addIssue({
    code: "custom",
    path: ["HOST"],
    message: `is ${env.HOST}, not loopback: refusing to listen there without API_KEY (set API_KEY, 16+ characters, or HOST=127.0.0.1)`,
  });
}
