import { z } from "zod";

import { plainText } from "./text.schema";

/** J-Quants plans, each with its own request rate. */
export const JQUANTS_PLAN_NAMES = ["free", "light", "standard", "premium"] as const;

/** `PUT /api/v1/data-sources/jquants`' body. */
export const jquantsCredentialsBodySchema = z.strictObject({
  api_key: plainText(512).trim().min(8, "api_key を指定してください"),
  plan: z.enum(JQUANTS_PLAN_NAMES),
});

/** `GET /api/v1/data-sources`: every source; a key is never returned, only whether there is one. */
export const dataSourcesResponseSchema = z.object({
  success: z.literal(true),
  data_sources: z.array(
    z.object({
      provider: z.string(),
      enabled: z.boolean(),
      plan: z.string().nullable(),
      rate_limit_per_minute: z.number().int().nullable(),
      has_api_key: z.boolean(),
      key_updated_at: z.string().nullable(),
      last_validated_at: z.string().nullable(),
    }),
  ),
});

/** `PUT /api/v1/data-sources/jquants`: the key was accepted by J-Quants and stored. */
export const dataSourceSavedResponseSchema = z.object({
  success: z.literal(true),
  data_source: z.object({
    provider: z.string(),
    plan: z.string().nullable(),
    rate_limit_per_minute: z.number().int().nullable(),
    has_api_key: z.literal(true),
  }),
});
