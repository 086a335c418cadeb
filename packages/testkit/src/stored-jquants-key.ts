import { randomBytes } from "node:crypto";

import { createSecretBox } from "@kabuto/core";
import { dataSourceRepository, type JQuantsPlan, type PrismaClient } from "@kabuto/db";

/**
 * Stores a J-Quants key of `plan` the way `PUT /api/v1/data-sources/jquants` does, sealed with a
 * fresh ENCRYPTION_KEY, which it returns: J-Quants batches plan with the stored key's plan window.
 */
export async function storeJQuantsKey(prisma: PrismaClient, plan: JQuantsPlan): Promise<Buffer> {
  const encryptionKey = randomBytes(32);
  await dataSourceRepository(prisma).saveCredentials("jquants", {
    sealedApiKey: createSecretBox(encryptionKey).seal("test-key"),
    plan,
  });
  return encryptionKey;
}
