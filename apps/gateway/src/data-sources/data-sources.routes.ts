import { Router } from "express";
import { z } from "zod";

import type { SecretBox } from "@kabuto/core";
import { JQUANTS_PLANS, dataSourceRepository, type Database, type JQuantsPlan } from "@kabuto/db";
import { InvalidApiKeyError, JQuantsClient } from "@kabuto/providers";

import { ApiError } from "../http/api-error";
import { validate } from "../http/validate";

const jquantsBody = z.object({
  api_key: z.string().trim().min(8, "api_key を指定してください").max(512),
  plan: z.enum(Object.keys(JQUANTS_PLANS) as [JQuantsPlan, ...JQuantsPlan[]]),
});

export interface DataSourcesDeps {
  db: Database;
  /** Undefined when ENCRYPTION_KEY is not set: keys cannot be stored then. */
  secretBox: SecretBox | undefined;
  jquants: { baseUrl: string; timeoutMs: number };
}

/** Data sources and their credentials. A key is validated before it is stored, and never returned. */
export function dataSourcesRoutes(deps: DataSourcesDeps): Router {
  const router = Router();

  router.get("/v1/data-sources", async (_request, response) => {
    const sources = await deps.db.prisma.dataSource.findMany({ orderBy: { provider: "asc" } });
    response.json({
      success: true,
      data_sources: sources.map((source) => ({
        provider: source.provider,
        enabled: source.enabled,
        plan: source.plan,
        rate_limit_per_minute: source.rateLimitPerMinute,
        has_api_key: source.encryptedApiKey !== null,
        key_updated_at: source.keyUpdatedAt?.toISOString() ?? null,
        last_validated_at: source.lastValidatedAt?.toISOString() ?? null,
      })),
    });
  });

  router.put("/v1/data-sources/jquants", async (request, response) => {
    const body = validate(jquantsBody, request.body);
    if (!deps.secretBox) {
      throw new ApiError("SERVICE_UNAVAILABLE", "ENCRYPTION_KEY が設定されていないため、APIキーを保存できません");
    }
    try {
      await new JQuantsClient({ ...deps.jquants, apiKey: body.api_key }).validateKey();
    } catch (error) {
      if (error instanceof InvalidApiKeyError)
        throw new ApiError("VALIDATION_ERROR", "J-Quants がこのAPIキーを拒否しました");
      throw new ApiError(
        "SERVICE_UNAVAILABLE",
        `J-Quants に接続できないため、APIキーを検証できません: ${(error as Error).message}`,
      );
    }
    const saved = await dataSourceRepository(deps.db.prisma).saveCredentials("jquants", {
      sealedApiKey: deps.secretBox.seal(body.api_key),
      plan: body.plan,
    });
    response.json({
      success: true,
      data_source: {
        provider: saved.provider,
        plan: saved.plan,
        rate_limit_per_minute: saved.rateLimitPerMinute,
        has_api_key: true,
      },
    });
  });

  return router;
}
