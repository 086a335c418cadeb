import { z } from "zod";

import { PRICE_PROVIDERS } from "./status.schema";

/** `POST /api/bulk/update`'s body: the daily update now, from one provider. */
export const bulkUpdateBodySchema = z.strictObject({
  provider: z
    .enum(PRICE_PROVIDERS, { message: `'provider' は ${PRICE_PROVIDERS.join(", ")} のいずれかです` })
    .optional()
    .meta({ description: "default: the daily update schedule's provider, else yahoo" }),
});
/** A daily update request as the gateway has validated it. */
export type BulkUpdateRequest = z.output<typeof bulkUpdateBodySchema>;
