import type { Redis } from "ioredis";

import type { PrismaClient } from "@kabuto/db";
import { YahooChartClient, createPriceSources, type PriceSources } from "@kabuto/providers";

import { jquantsClientSource } from "./jquants-client-source";

/**
 * Every price source as an app builds them from its configuration: Yahoo from its base URL,
 * J-Quants with the key stored in data_sources (read and decrypted when a unit is fetched).
 */
export function priceSourcesFrom(options: {
  prisma: PrismaClient;
  upstream: { yahooBaseUrl: string; jquantsBaseUrl: string; timeoutMs: number };
  encryptionKey: Buffer | undefined;
  /** Where the fleet's shared J-Quants request gate lives (workers). */
  gate?: { redis: Redis; prefix: string };
}): PriceSources {
  return createPriceSources({
    yahoo: new YahooChartClient({ baseUrl: options.upstream.yahooBaseUrl, timeoutMs: options.upstream.timeoutMs }),
    jquants: jquantsClientSource({
      prisma: options.prisma,
      jquantsBaseUrl: options.upstream.jquantsBaseUrl,
      timeoutMs: options.upstream.timeoutMs,
      encryptionKey: options.encryptionKey,
      ...(options.gate ? { gate: options.gate } : {}),
    }),
  });
}
