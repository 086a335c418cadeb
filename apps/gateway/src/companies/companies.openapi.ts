import {
  companyCodeParamsSchema,
  companyListQuerySchema,
  companyListResponseSchema,
  companySchema,
  companySearchQuerySchema,
  companySearchResponseSchema,
  marketsResponseSchema,
  sectorsQuerySchema,
  sectorsResponseSchema,
} from "@kabuto/contract";

import { errorResponses, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The company master's read routes (seed 002) in the OpenAPI document. */
export const COMPANIES_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/companies",
    summary: "Companies by code, filtered by market and sector",
    tags: ["companies"],
    request: { query: companyListQuerySchema },
    responses: {
      "200": jsonResponse("a page of companies", companyListResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/companies/search",
    summary: "Active companies matching a code or a name, best match first",
    tags: ["companies"],
    request: { query: companySearchQuerySchema },
    responses: {
      "200": jsonResponse("the matches", companySearchResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/companies/markets",
    summary: "Market segments",
    tags: ["companies"],
    responses: { "200": jsonResponse("every market segment", marketsResponseSchema) },
  },
  {
    method: "get",
    path: "/api/v1/companies/sectors",
    summary: "The 17 or the 33 TSE sectors",
    tags: ["companies"],
    request: { query: sectorsQuerySchema },
    responses: { "200": jsonResponse("the sectors", sectorsResponseSchema), ...errorResponses("VALIDATION_ERROR") },
  },
  {
    method: "get",
    path: "/api/v1/companies/{code}",
    summary: "One company by its code",
    tags: ["companies"],
    request: { params: companyCodeParamsSchema },
    responses: {
      "200": jsonResponse("the company", companySchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
    },
  },
];
