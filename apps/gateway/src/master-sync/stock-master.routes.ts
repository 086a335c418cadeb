import { Router } from "express";

import { requestMasterSync } from "@kabuto/batches";
import { stockListQuerySchema } from "@kabuto/contract";
import { companyRepository, masterSyncRunRepository } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { STOCK_MASTER_OPENAPI } from "./stock-master.openapi";

/** How long `/stock-master/update` waits for the sync it started (seed 000 answers with the summary). */
const UPDATE_WAIT_MS = 5 * 60_000;

/** Seed 000's stock master: update (synchronous, JPX) and list. */
export function stockMasterRoutes(deps: Pick<FeatureContext, "db" | "queues">): Router {
  const router = Router();
  const runs = masterSyncRunRepository(deps.db.prisma);
  const companies = companyRepository(deps.db);

  router.post("/stock-master/update", async (_request, response) => {
    const request = await requestMasterSync(
      { prisma: deps.db.prisma, queues: deps.queues },
      { trigger: "manual", source: "jpx" },
    );
    if (!request.accepted) {
      throw new ApiError("CONFLICT", `銘柄マスタの同期が実行中です (run ${request.activeRun.id})`);
    }
    await deps.queues.waitForMasterSync(request.run.id, UPDATE_WAIT_MS);
    const run = await runs.get(request.run.id);
    if (run.status !== "completed") {
      throw new ApiError("SERVICE_UNAVAILABLE", `銘柄マスタの更新に失敗しました: ${run.error ?? run.status}`);
    }
    response.json({
      success: true,
      update_summary: {
        total_stocks: run.total,
        added_stocks: run.added,
        updated_stocks: run.updated,
        removed_stocks: run.removed,
        updated_at: (run.completedAt ?? new Date()).toISOString(),
      },
    });
  });

  router.get("/stock-master/list", async (request, response) => {
    const query = validate(stockListQuerySchema, request.query);
    const { companies: stocks, total } = await companies.list(
      { isActive: query.is_active, marketName: query.market_category },
      query,
    );
    response.json({
      success: true,
      total,
      stocks: stocks.map((stock) => ({
        stock_code: stock.code,
        stock_name: stock.companyName,
        market_category: stock.marketName,
        sector: stock.sector33Name,
        is_active: stock.isActive,
      })),
    });
  });

  return router;
}

/** Seed 000's `/api/stock-master/…`. */
export const stockMasterFeature: GatewayFeature = { routes: stockMasterRoutes, openapi: STOCK_MASTER_OPENAPI };
