import { Router } from "express";

import type { OpenApiDocument } from "./openapi-document";

/** `GET /docs` (under `/api`): the OpenAPI document. */
export function openApiRoutes(document: OpenApiDocument): Router {
  const router = Router();
  router.get("/docs", (_request, response) => {
    response.json(document);
  });
  return router;
}
