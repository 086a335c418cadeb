import { Router } from "express";

import { investorTypesQuerySchema, topixQuerySchema, type IndexBarBody, type InvestorTypeBody } from "@kabuto/contract";
import type { IndexBarRow, InvestorTypeRow } from "@kabuto/core";
import { readIndexBars, readInvestorTypes } from "@kabuto/db";

import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { MARKET_SERIES_OPENAPI } from "./market-series.openapi";

function serializeIndexBar(bar: IndexBarRow): IndexBarBody {
  return { date: bar.date, open: bar.open, high: bar.high, low: bar.low, close: bar.close };
}

function serializeInvestorType(week: InvestorTypeRow): InvestorTypeBody {
  return {
    section: week.section,
    published_date: week.publishedDate,
    start_date: week.startDate,
    end_date: week.endDate,
    ...week.trading,
  };
}

/** `GET /v1/topix` and `GET /v1/investor-types`: the stored J-Quants market series, paged. */
export function marketSeriesRoutes(deps: Pick<FeatureContext, "db">): Router {
  const router = Router();
  router.get("/v1/topix", async (request, response) => {
    const query = validate(topixQuerySchema, request.query);
    const page = await readIndexBars(deps.db.prisma, { indexCode: "TOPIX", ...query });
    response.json({
      success: true,
      index_code: "TOPIX",
      count: page.rows.length,
      bars: page.rows.map(serializeIndexBar),
      next: page.next,
    });
  });
  router.get("/v1/investor-types", async (request, response) => {
    const query = validate(investorTypesQuerySchema, request.query);
    const page = await readInvestorTypes(deps.db.prisma, query);
    response.json({
      success: true,
      count: page.rows.length,
      investor_types: page.rows.map(serializeInvestorType),
      next: page.next,
    });
  });
  return router;
}

/** `/api/v1/topix` and `/api/v1/investor-types`. */
export const marketSeriesFeature: GatewayFeature = { routes: marketSeriesRoutes, openapi: MARKET_SERIES_OPENAPI };
