import { Router } from "express";

import { openApiDocumentSchema } from "@kabuto/contract";

import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { jsonResponse } from "./openapi-paths";

/** `GET /docs` (under `/api`): the OpenAPI document. */
export function openApiRoutes(deps: Pick<FeatureContext, "openApiDocument">): Router {
  const router = Router();
  router.get("/docs", (_request, response) => {
    response.json(deps.openApiDocument);
  });
  return router;
}

/** `/api/docs`. */
export const openApiFeature: GatewayFeature = {
  routes: openApiRoutes,
  openapi: [
    {
      method: "get",
      path: "/api/docs",
      summary: "This OpenAPI document",
      tags: ["ops"],
      responses: { "200": jsonResponse("OpenAPI 3.1 document", openApiDocumentSchema) },
    },
  ],
};
