import {
  investorTypesQuerySchema,
  investorTypesResponseSchema,
  topixQuerySchema,
  topixResponseSchema,
} from "@kabuto/contract";

import { errorResponses, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** TOPIX and investor types in the OpenAPI document. */
export const MARKET_SERIES_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/topix",
    summary: "Stored TOPIX daily bars, oldest first, a page at a time",
    tags: ["market series"],
    request: { query: topixQuerySchema },
    responses: { "200": jsonResponse("the bars", topixResponseSchema), ...errorResponses("VALIDATION_ERROR") },
  },
  {
    method: "get",
    path: "/api/v1/investor-types",
    summary: "Stored weekly trading by type of investors (thousands of yen), by publication date, a page at a time",
    tags: ["market series"],
    request: { query: investorTypesQuerySchema },
    responses: {
      "200": jsonResponse("the weeks", investorTypesResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
];
