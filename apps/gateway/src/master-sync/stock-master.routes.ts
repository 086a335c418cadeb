import { Router } from "express";
import { z } from "zod";

import { requestMasterSync } from "@kabuto/batches";
import type { Database } from "@kabuto/db";
import type { QueueRepository } from "@kabuto/queue";

import { ApiError } from "../http/api-error";
import { validate } from "../http/validate";

const listQuery = z.object({
  is_active: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .default(true),
  market_category: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** How long `/stock-master/update` waits for the sync it started (seed 000 answers with the summary). */
const UPDATE_WAIT_MS = 5 * 60_000;

/** Seed 000's stock master: update (synchronous, JPX) and list. */
export function stockMasterRoutes(deps: { db: Database; queues: QueueRepository }): Router {
  const router = Router();

  router.post("/stock-master/update", async (_request, response) => {
    const request = await requestMasterSync(
      { prisma: deps.db.prisma, queues: deps.queues },
      { trigger: "manual", source: "jpx" },
    );
    if (!request.accepted) {
      throw new ApiError("CONFLICT", `銘柄マスタの同期が実行中です (run ${request.activeRun.id})`);
    }
    await deps.queues.waitForMasterSync(request.run.id, UPDATE_WAIT_MS);
    const run = await deps.db.prisma.masterSyncRun.findUniqueOrThrow({ where: { id: request.run.id } });
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
    const query = validate(listQuery, request.query);
    const where = {
      isActive: query.is_active,
      ...(query.market_category ? { marketName: query.market_category } : {}),
    };
    const [stocks, total] = await Promise.all([
      deps.db.prisma.company.findMany({ where, orderBy: { code: "asc" }, take: query.limit, skip: query.offset }),
      deps.db.prisma.company.count({ where }),
    ]);
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
