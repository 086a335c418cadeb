import { Router } from "express";

import {
  companyCodeParamsSchema,
  companyListQuerySchema,
  companySearchQuerySchema,
  sectorsQuerySchema,
  type SectorsBody,
} from "@kabuto/contract";
import { companyRepository } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { COMPANIES_OPENAPI } from "./companies.openapi";
import { serializeCompany } from "./company.serializer";

/** `/v1/companies…` (seed 002): list with filters, search, markets, sectors, one company. */
export function companiesRoutes(deps: Pick<FeatureContext, "db">): Router {
  const router = Router();
  const companies = companyRepository(deps.db);

  router.get("/v1/companies", async (request, response) => {
    const query = validate(companyListQuerySchema, request.query);
    const listed = await companies.list(
      {
        marketCode: query.market_code,
        sector17Code: query.sector17_code,
        sector33Code: query.sector33_code,
        ...(query.active_only ? { isActive: true } : {}),
      },
      query,
    );
    response.json({
      companies: listed.companies.map(serializeCompany),
      total: listed.total,
      limit: query.limit,
      offset: query.offset,
    });
  });

  router.get("/v1/companies/search", async (request, response) => {
    const query = validate(companySearchQuerySchema, request.query);
    const found = await companies.search(query.q, query.limit);
    response.json({ companies: found.companies.map(serializeCompany), total: found.total, query: query.q });
  });

  router.get("/v1/companies/markets", async (_request, response) => {
    const markets = await companies.markets();
    response.json({
      markets: markets.map((market) => ({ code: market.code, name: market.name, name_english: market.nameEnglish })),
    });
  });

  router.get("/v1/companies/sectors", async (request, response) => {
    const { type } = validate(sectorsQuerySchema, request.query);
    const body: SectorsBody =
      type === "17"
        ? { type, sectors: (await companies.sectors17()).map((sector) => ({ code: sector.code, name: sector.name })) }
        : {
            type,
            sectors: (await companies.sectors33()).map((sector) => ({
              code: sector.code,
              name: sector.name,
              sector17_code: sector.sector17Code,
            })),
          };
    response.json(body);
  });

  router.get("/v1/companies/:code", async (request, response) => {
    const { code } = validate(companyCodeParamsSchema, request.params);
    const company = await companies.find(code.toUpperCase());
    if (!company) throw new ApiError("NOT_FOUND", `銘柄コード ${code} の企業が見つかりません`);
    response.json(serializeCompany(company));
  });

  return router;
}

/** `/api/v1/companies…` except the master sync and its schedule. */
export const companiesFeature: GatewayFeature = { routes: companiesRoutes, openapi: COMPANIES_OPENAPI };
