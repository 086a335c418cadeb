import type { PrismaClient } from "../generated/prisma/client";

/** J-Quants plans and their documented request limits per minute. */
export const JQUANTS_PLANS = { free: 5, light: 60, standard: 120, premium: 500 } as const;
export type JQuantsPlan = keyof typeof JQUANTS_PLANS;

/** A data source's credentials as stored: the key only ever sealed (see SecretBox). */
export interface StoredCredentials {
  sealedApiKey: string;
  plan: string | null;
  rateLimitPerMinute: number | null;
}

/** Reads and writes data_sources rows. */
export function dataSourceRepository(prisma: PrismaClient) {
  return {
    /** Every source by provider, credentials included: callers say only whether there is a key. */
    list() {
      return prisma.dataSource.findMany({ orderBy: { provider: "asc" } });
    },

    async credentials(provider: string): Promise<StoredCredentials | undefined> {
      const row = await prisma.dataSource.findUnique({ where: { provider } });
      if (!row?.encryptedApiKey || !row.enabled) return undefined;
      return { sealedApiKey: row.encryptedApiKey, plan: row.plan, rateLimitPerMinute: row.rateLimitPerMinute };
    },

    async saveCredentials(provider: string, credentials: { sealedApiKey: string; plan: JQuantsPlan }) {
      const now = new Date();
      const data = {
        encryptedApiKey: credentials.sealedApiKey,
        plan: credentials.plan,
        rateLimitPerMinute: JQUANTS_PLANS[credentials.plan],
        keyUpdatedAt: now,
        lastValidatedAt: now,
        enabled: true,
      };
      return prisma.dataSource.upsert({ where: { provider }, create: { provider, ...data }, update: data });
    },
  };
}
