import { Router } from "express";

import { jquantsCredentialsBodySchema } from "@kabuto/contract";
import { dataSourceRepository } from "@kabuto/db";
import { InvalidApiKeyError, JQuantsClient } from "@kabuto/providers";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { DATA_SOURCES_OPENAPI } from "./data-sources.openapi";

/** Data sources and their credentials. A key is validated before it is stored, and never returned. */
export function dataSourcesRoutes(deps: Pick<FeatureContext, "db" | "config" | "secretBox">): Router {
  const router = Router();
  const sources = dataSourceRepository(deps.db.prisma);
  const jquants = { baseUrl: deps.config.upstream.jquantsBaseUrl, timeoutMs: deps.config.upstream.timeoutMs };

  router.get("/v1/data-sources", async (_request, response) => {
    response.json({
      success: true,
      data_sources: (await sources.list()).map((source) => ({
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
    const body = validate(jquantsCredentialsBodySchema, request.body);
    if (!deps.secretBox) {
      throw new ApiError("SERVICE_UNAVAILABLE", "ENCRYPTION_KEY が設定されていないため、APIキーを保存できません");
    }
    try {
      await new JQuantsClient({ ...jquants, apiKey: body.api_key }).validateKey();
    } catch (error) {
      if (error instanceof InvalidApiKeyError)
        throw new ApiError("VALIDATION_ERROR", "J-Quants がこのAPIキーを拒否しました");
      throw new ApiError(
        "SERVICE_UNAVAILABLE",
        `J-Quants に接続できないため、APIキーを検証できません: ${(error as Error).message}`,
      );
    }
    const saved = await sources.saveCredentials("jquants", {
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

/** `/api/v1/data-sources…`. */
export const dataSourcesFeature: GatewayFeature = { routes: dataSourcesRoutes, openapi: DATA_SOURCES_OPENAPI };
