import { jsonResponse, type OpenApiPaths } from "../openapi/openapi-paths";

const HEALTH_BODY = {
  type: "object",
  required: ["status", "checks"],
  properties: {
    status: { enum: ["ok", "degraded"] },
    checks: {
      type: "object",
      description: '"ok", or why the dependency does not answer',
      properties: { database: { type: "string" }, redis: { type: "string" } },
    },
  },
};

/** `GET /health` in the OpenAPI document. */
export const HEALTH_PATHS: OpenApiPaths = {
  "/health": {
    get: {
      summary: "Whether PostgreSQL and Redis answer",
      tags: ["ops"],
      responses: {
        "200": jsonResponse("both answer", HEALTH_BODY),
        "503": jsonResponse("one of them does not; its check says why", HEALTH_BODY),
      },
    },
  },
};
