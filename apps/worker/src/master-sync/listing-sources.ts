import type { CompanyListingSnapshot, MasterSource } from "@kabuto/core";
import type { PrismaClient } from "@kabuto/db";
import { JpxClient } from "@kabuto/providers";

import { jquantsClientSource } from "@kabuto/batches";

/** Fetches the whole listed-company master from one source. */
export type ListingSource = () => Promise<CompanyListingSnapshot>;

export interface ListingSourcesOptions {
  prisma: PrismaClient;
  jpxListUrl: string;
  jquantsBaseUrl: string;
  timeoutMs: number;
  /** ENCRYPTION_KEY decoded; without it no stored J-Quants key can be read. */
  encryptionKey: Buffer | undefined;
}

/** The listing source of each master source; J-Quants' key is read (and decrypted) per sync. */
export function createListingSources(options: ListingSourcesOptions): Record<MasterSource, ListingSource> {
  const jpx = new JpxClient({ listUrl: options.jpxListUrl, timeoutMs: options.timeoutMs });
  const jquants = jquantsClientSource(options);
  return {
    jpx: () => jpx.fetchListing(),
    jquants: async () => (await jquants()).fetchListing(),
  };
}
