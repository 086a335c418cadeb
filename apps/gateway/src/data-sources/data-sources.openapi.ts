import {
  dataSourceSavedResponseSchema,
  dataSourcesResponseSchema,
  jquantsCredentialsBodySchema,
} from "@kabuto/contract";

import { errorResponses, jsonRequestBody, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The data sources and their credentials in the OpenAPI document. */
export const DATA_SOURCES_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/data-sources",
    summary: "Every data source: plan, rate, and whether a key is stored (never the key)",
    tags: ["data-sources"],
    responses: { "200": jsonResponse("the data sources", dataSourcesResponseSchema) },
  },
  {
    method: "put",
    path: "/api/v1/data-sources/jquants",
    summary: "Store a J-Quants API key (sealed) and plan, once J-Quants has accepted the key",
    tags: ["data-sources"],
    request: { body: jsonRequestBody(jquantsCredentialsBodySchema) },
    responses: {
      "200": jsonResponse("the stored source", dataSourceSavedResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "SERVICE_UNAVAILABLE"),
    },
  },
];
