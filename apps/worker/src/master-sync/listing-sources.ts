import {
  PermanentError,
  createSecretBox,
  type CompanyListingSnapshot,
  type MasterSource,
  type SecretBox,
} from "@kabuto/core";
import { dataSourceRepository, type PrismaClient } from "@kabuto/db";
import { JQuantsClient, JpxClient } from "@kabuto/providers";

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
  const secretBox: SecretBox | undefined = options.encryptionKey ? createSecretBox(options.encryptionKey) : undefined;
  const jpx = new JpxClient({ listUrl: options.jpxListUrl, timeoutMs: options.timeoutMs });
  return {
    jpx: () => jpx.fetchListing(),
    jquants: async () => {
      const credentials = await dataSourceRepository(options.prisma).credentials("jquants");
      if (!credentials)
        throw new PermanentError("no J-Quants API key is set: save one with PUT /api/v1/data-sources/jquants");
      if (!secretBox)
        throw new PermanentError("ENCRYPTION_KEY is not set, so the stored J-Quants API key cannot be read");
      const apiKey = secretBox.open(credentials.sealedApiKey);
      return new JQuantsClient({
        baseUrl: options.jquantsBaseUrl,
        apiKey,
        timeoutMs: options.timeoutMs,
      }).fetchListing();
    },
  };
}
