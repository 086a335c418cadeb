import { Router } from "express";
import { z } from "zod";

import type { Database } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import { validate } from "../http/validate";
import { searchCompanies } from "./company-search";
import { serializeCompany } from "./company.serializer";

const booleanText = z.enum(["true", "false"]).transform((value) => value === "true");
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const offset = z.coerce.number().int().min(0).default(0);

const listQuery = z.object({
  market_code: z.string().max(8).optional(),
  sector17_code: z.string().max(4).optional(),
  sector33_code: z.string().max(4).optional(),
  active_only: booleanText.default(true),
  limit: limit(1000, 100),
  offset,
});
const searchQuery = z.object({ q: z.string().trim().min(1).max(100), limit: limit(1000, 50) });
const sectorsQuery = z.object({ type: z.enum(["17", "33"]).default("33") });
const codeParams = z.object({ code: z.string().regex(/^[0-9A-Za-z]{4,5}$/, "銘柄コードは4〜5桁の英数字です") });

/** `/v1/companies…` (seed 002): list with filters, search, markets, sectors, one company. */
export function companiesRoutes(deps: { db: Database }): Router {
  const router = Router();
  const { prisma } = deps.db;

  router.get("/v1/companies", async (request, response) => {
    const query = validate(listQuery, request.query);
    const where = {
      ...(query.market_code ? { marketCode: query.market_code } : {}),
      ...(query.sector17_code ? { sector17Code: query.sector17_code } : {}),
      ...(query.sector33_code ? { sector33Code: query.sector33_code } : {}),
      ...(query.active_only ? { isActive: true } : {}),
    };
    const [companies, total] = await Promise.all([
      prisma.company.findMany({ where, orderBy: { code: "asc" }, take: query.limit, skip: query.offset }),
      prisma.company.count({ where }),
    ]);
    response.json({ companies: companies.map(serializeCompany), total, limit: query.limit, offset: query.offset });
  });

  router.get("/v1/companies/search", async (request, response) => {
    const query = validate(searchQuery, request.query);
    const { companies, total } = await searchCompanies(deps.db, query.q, query.limit);
    response.json({ companies: companies.map(serializeCompany), total, query: query.q });
  });

  router.get("/v1/companies/markets", async (_request, response) => {
    const markets = await prisma.market.findMany({ orderBy: { code: "asc" } });
    response.json({
      markets: markets.map((market) => ({ code: market.code, name: market.name, name_english: market.nameEnglish })),
    });
  });

  router.get("/v1/companies/sectors", async (request, response) => {
    const { type } = validate(sectorsQuery, request.query);
    const sectors =
      type === "17"
        ? (await prisma.sector17.findMany()).map((sector) => ({ code: sector.code, name: sector.name }))
        : (await prisma.sector33.findMany({ orderBy: { code: "asc" } })).map((sector) => ({
            code: sector.code,
            name: sector.name,
            sector17_code: sector.sector17Code,
          }));
    if (type === "17") sectors.sort((a, b) => Number(a.code) - Number(b.code));
    response.json({ type, sectors });
  });

  router.get("/v1/companies/:code", async (request, response) => {
    const { code } = validate(codeParams, request.params);
    const company = await prisma.company.findUnique({ where: { code: code.toUpperCase() } });
    if (!company) throw new ApiError("NOT_FOUND", `銘柄コード ${code} の企業が見つかりません`);
    response.json(serializeCompany(company));
  });

  return router;
}
