import { Router } from "express";
import { z } from "zod";

import type { Database } from "@kabuto/db";
import { YAHOO_INTERVALS } from "@kabuto/providers";

import { validate } from "../http/validate";
import { toYahooSymbol } from "../bulk/bulk-request.schema";
import { ApiError } from "../http/api-error";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "は YYYY-MM-DD で指定してください");
const query = z.object({
  interval: z.enum(YAHOO_INTERVALS).default("1d"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

/** `GET /v1/prices/:code`: stored bars of one listing, oldest first. */
export function pricesRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.get("/v1/prices/:code", async (request, response) => {
    const symbol = toYahooSymbol(String(request.params.code));
    if (!symbol) throw new ApiError("VALIDATION_ERROR", "銘柄コードは 7203 や 130A.T の形で指定してください");
    const { interval, from, to, limit } = validate(query, request.query);
    const bars = await deps.db.prisma.priceBar.findMany({
      where: {
        symbol,
        interval,
        ts: {
          ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
          ...(to ? { lte: new Date(`${to}T23:59:59.999Z`) } : {}),
        },
      },
      orderBy: { ts: "asc" },
      take: limit,
    });
    response.json({
      success: true,
      symbol,
      interval,
      count: bars.length,
      bars: bars.map((bar) => ({
        ts: bar.ts.toISOString(),
        open: bar.open,
        high: bar.high,
        low: bar.low,
        close: bar.close,
        adj_close: bar.adjClose,
        volume: bar.volume === null ? null : Number(bar.volume),
        adj_open: bar.adjOpen,
        adj_high: bar.adjHigh,
        adj_low: bar.adjLow,
        adj_volume: bar.adjVolume,
        adj_factor: bar.adjFactor,
        turnover: bar.turnover,
        source: bar.source,
      })),
    });
  });
  return router;
}
