import { stockListQuerySchema, stockListResponseSchema, stockMasterUpdateResponseSchema } from "@kabuto/contract";

import { errorResponses, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** Seed 000's stock master in the OpenAPI document. */
export const STOCK_MASTER_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "post",
    path: "/api/stock-master/update",
    summary: "Sync the master from JPX and answer with what changed, once the sync has finished",
    tags: ["stock-master"],
    responses: {
      "200": jsonResponse("the sync's summary", stockMasterUpdateResponseSchema),
      ...errorResponses("CONFLICT", "SERVICE_UNAVAILABLE"),
    },
  },
  {
    method: "get",
    path: "/api/stock-master/list",
    summary: "Listed stocks by code",
    tags: ["stock-master"],
    request: { query: stockListQuerySchema },
    responses: {
      "200": jsonResponse("a page of stocks", stockListResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
];
