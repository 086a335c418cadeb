import { Router } from "express";

import { pricesQuerySchema, toYahooSymbol, type PriceBarBody } from "@kabuto/contract";
import { readPriceBars, type PriceBar } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { PRICES_OPENAPI } from "./prices.openapi";

function serializePriceBar(bar: PriceBar): PriceBarBody {
  return {
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
  };
}

/** `GET /v1/prices/:code`: stored bars of one listing, oldest first. */
export function pricesRoutes(deps: Pick<FeatureContext, "db">): Router {
  const router = Router();
  router.get("/v1/prices/:code", async (request, response) => {
    const symbol = toYahooSymbol(String(request.params.code));
    if (!symbol) throw new ApiError("VALIDATION_ERROR", "銘柄コードは 7203 や 130A.T の形で指定してください");
    const { interval, from, to, limit } = validate(pricesQuerySchema, request.query);
    const bars = await readPriceBars(deps.db.prisma, { symbol, interval, from, to, limit });
    response.json({ success: true, symbol, interval, count: bars.length, bars: bars.map(serializePriceBar) });
  });
  return router;
}

/** `/api/v1/prices/…`. */
export const pricesFeature: GatewayFeature = { routes: pricesRoutes, openapi: PRICES_OPENAPI };
