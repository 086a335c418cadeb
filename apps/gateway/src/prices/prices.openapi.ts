import { pricesParamsSchema, pricesQuerySchema, pricesResponseSchema } from "@kabuto/contract";

import { errorResponses, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The stored prices in the OpenAPI document. */
export const PRICES_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/prices/{code}",
    summary: "One source's bars of one listing, oldest first, as traded or adjusted, a page at a time",
    tags: ["prices"],
    request: { params: pricesParamsSchema, query: pricesQuerySchema },
    responses: { "200": jsonResponse("the bars", pricesResponseSchema), ...errorResponses("VALIDATION_ERROR") },
  },
];
