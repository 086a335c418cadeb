import { priceExportQuerySchema, pricesParamsSchema, pricesQuerySchema, pricesResponseSchema } from "@kabuto/contract";

import { errorResponses, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The stored prices in the OpenAPI document. */
export const PRICES_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/prices/export",
    summary:
      "The daily bars of some symbols or every one between two dates as one CSV (with a header) or Parquet file, streamed: code, date, open, high, low, close, volume, turnover",
    tags: ["prices"],
    request: { query: priceExportQuerySchema },
    responses: {
      "200": {
        description: "the file",
        content: {
          "text/csv": { schema: { type: "string" } },
          "application/vnd.apache.parquet": { schema: { type: "string", format: "binary" } },
        },
      },
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/prices/{code}",
    summary: "One source's bars of one listing, oldest first, as traded or adjusted, a page at a time",
    tags: ["prices"],
    request: { params: pricesParamsSchema, query: pricesQuerySchema },
    responses: { "200": jsonResponse("the bars", pricesResponseSchema), ...errorResponses("VALIDATION_ERROR") },
  },
];
