import {
  qualityCheckAcceptedSchema,
  qualityCheckBodySchema,
  qualityCheckParamsSchema,
  qualityCheckResponseSchema,
  qualityIssuesQuerySchema,
  qualityIssuesResponseSchema,
} from "@kabuto/contract";

import { errorResponses, jsonRequestBody, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The quality checks in the OpenAPI document. */
export const QUALITY_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/quality/check",
    summary: "Run the quality checks over a stored range of some symbols, or of every one; a worker runs them",
    tags: ["quality"],
    request: { body: jsonRequestBody(qualityCheckBodySchema) },
    responses: {
      "202": jsonResponse("accepted: the check run's id", qualityCheckAcceptedSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/quality/checks/{check_id}",
    summary: "One check run (a batch's id, or an on-demand check's) and, once completed, its issues per check",
    tags: ["quality"],
    request: { params: qualityCheckParamsSchema },
    responses: {
      "200": jsonResponse("the check run", qualityCheckResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
    },
  },
  {
    method: "get",
    path: "/api/v1/quality/issues",
    summary: "What the checks found, oldest first, a page at a time",
    tags: ["quality"],
    request: { query: qualityIssuesQuerySchema },
    responses: {
      "200": jsonResponse("a page of issues", qualityIssuesResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
];
