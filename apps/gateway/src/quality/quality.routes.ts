import { Router } from "express";

import { requestQualityCheck } from "@kabuto/batches";
import {
  qualityCheckBodySchema,
  qualityCheckParamsSchema,
  qualityIssuesQuerySchema,
  toYahooSymbol,
} from "@kabuto/contract";
import { qualityCheckRepository, readQualityIssues } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { QUALITY_OPENAPI } from "./quality.openapi";
import { serializeQualityCheck, serializeQualityIssue } from "./quality.serializer";

/**
 * The quality checks: an on-demand run over a stored range (`POST /v1/quality/check`, run by a
 * worker), its status, and what every run found, a page at a time.
 */
export function qualityRoutes(deps: Pick<FeatureContext, "db" | "queues">): Router {
  const router = Router();
  const checks = qualityCheckRepository(deps.db.prisma, deps.db.pool);

  router.post("/v1/quality/check", async (request, response) => {
    const body = validate(qualityCheckBodySchema, request.body);
    const symbols = body.symbols ? [...new Set(body.symbols.map((symbol) => toYahooSymbol(symbol)!))] : undefined;
    const checkId = await requestQualityCheck(
      { db: deps.db, queues: deps.queues },
      { source: body.source, symbols, from: body.from, to: body.to },
    );
    response.status(202).json({ success: true, check_id: checkId, status: "accepted" });
  });

  router.get("/v1/quality/checks/:check_id", async (request, response) => {
    const { check_id: checkId } = validate(qualityCheckParamsSchema, request.params);
    const check = await checks.find(checkId);
    if (!check) throw new ApiError("NOT_FOUND", `品質チェック ${checkId} は見つかりません`);
    const counts = await checks.countsByRun([checkId]);
    response.json({ success: true, check: serializeQualityCheck(check, counts.get(checkId)) });
  });

  router.get("/v1/quality/issues", async (request, response) => {
    const query = validate(qualityIssuesQuerySchema, request.query);
    const { issues, more } = await readQualityIssues(deps.db.prisma, {
      batchId: query.batch_id,
      symbol: query.symbol,
      check: query.check,
      after: query.cursor ? BigInt(query.cursor) : undefined,
      limit: query.limit,
    });
    response.json({
      success: true,
      count: issues.length,
      issues: issues.map(serializeQualityIssue),
      next: more ? String(issues.at(-1)!.id) : null,
    });
  });
  return router;
}

/** `/api/v1/quality/…`. */
export const qualityFeature: GatewayFeature = { routes: qualityRoutes, openapi: QUALITY_OPENAPI };
