import { healthResponseSchema } from "@kabuto/contract";

import { jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** `GET /health` in the OpenAPI document. */
export const HEALTH_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/health",
    summary: "Whether PostgreSQL and Redis answer",
    tags: ["ops"],
    responses: {
      "200": jsonResponse("both answer", healthResponseSchema),
      "503": jsonResponse('one of them does not; its check says "unreachable"', healthResponseSchema),
    },
  },
];
