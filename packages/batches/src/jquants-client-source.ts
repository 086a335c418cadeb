import type { Redis } from "ioredis";

import { PermanentError, createSecretBox, redisRateGate, type SecretBox } from "@kabuto/core";
import { dataSourceRepository, type PrismaClient } from "@kabuto/db";
import { JQuantsClient, isJQuantsPlanName } from "@kabuto/providers";

/** Kabuto stays this far under the plan's documented limit: other tools may share the key. */
const PLAN_SHARE = 0.9;
/** How long a client (its key and plan) is reused before data_sources is read again. */
const CLIENT_TTL_MS = 60_000;

export interface JQuantsClientSourceOptions {
  prisma: PrismaClient;
  jquantsBaseUrl: string;
  timeoutMs: number;
  /** ENCRYPTION_KEY decoded; without it no stored J-Quants key can be read. */
  encryptionKey: Buffer | undefined;
  /** Where the fleet's shared request gate lives; without it requests are not gated (master syncs). */
  gate?: { redis: Redis; prefix: string };
}

/** No J-Quants key is stored, or ENCRYPTION_KEY is not set to read it: permanent, with what to do. */
export class JQuantsNotConfiguredError extends PermanentError {}

/**
 * J-Quants clients with the key stored in data_sources (decrypted here, never logged), each
 * request passing the fleet's shared gate at 90 % of the plan's per-minute limit. A missing key
 * or ENCRYPTION_KEY is a permanent error with what to do about it.
 */
export function jquantsClientSource(options: JQuantsClientSourceOptions): () => Promise<JQuantsClient> {
  const secretBox: SecretBox | undefined = options.encryptionKey ? createSecretBox(options.encryptionKey) : undefined;
  let cached: { client: JQuantsClient; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.client;
    const credentials = await dataSourceRepository(options.prisma).credentials("jquants");
    if (!credentials)
      throw new JQuantsNotConfiguredError("no J-Quants API key is set: save one with PUT /api/v1/data-sources/jquants");
    if (!secretBox)
      throw new JQuantsNotConfiguredError("ENCRYPTION_KEY is not set, so the stored J-Quants API key cannot be read");
    const perMinute = Math.max(1, Math.floor((credentials.rateLimitPerMinute ?? 5) * PLAN_SHARE));
    const { plan } = credentials;
    const client = new JQuantsClient({
      baseUrl: options.jquantsBaseUrl,
      apiKey: secretBox.open(credentials.sealedApiKey),
      ...(isJQuantsPlanName(plan) ? { plan } : {}),
      timeoutMs: options.timeoutMs,
      ...(options.gate
        ? {
            beforeRequest: redisRateGate(
              options.gate.redis,
              `${options.gate.prefix}:rate:jquants`,
              perMinute,
              "jquants",
            ),
          }
        : {}),
    });
    cached = { client, until: Date.now() + CLIENT_TTL_MS };
    return client;
  };
}

/** Like {@link jquantsClientSource}, but undefined when J-Quants is not configured (no key, no ENCRYPTION_KEY). */
export function optionalJQuantsClientSource(
  options: JQuantsClientSourceOptions,
): () => Promise<JQuantsClient | undefined> {
  const source = jquantsClientSource(options);
  return async () => {
    try {
      return await source();
    } catch (error) {
      if (error instanceof JQuantsNotConfiguredError) return undefined;
      throw error;
    }
  };
}
