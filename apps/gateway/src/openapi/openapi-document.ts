import { BULK_PATHS } from "../bulk/bulk.openapi";
import { HEALTH_PATHS } from "../health/health.openapi";
import { API_ERROR_STATUS } from "../http/api-error";
import { METRICS_PATHS } from "../metrics/metrics.openapi";
import { ERROR_BODY_REF, jsonResponse, type OpenApiOperation, type OpenApiPaths } from "./openapi-paths";

/** Where the `/api` router is mounted: its operations need the API key and are rate limited. */
export const API_MOUNT_PATH = "/api";

const DOCS_PATHS: OpenApiPaths = {
  "/api/docs": {
    get: {
      summary: "This OpenAPI document",
      tags: ["ops"],
      responses: { "200": jsonResponse("OpenAPI 3.1 document", { type: "object" }) },
    },
  },
};

/** Every feature's paths: a new route module adds its `*.openapi.ts` export here. */
const FEATURE_PATHS: OpenApiPaths[] = [HEALTH_PATHS, METRICS_PATHS, DOCS_PATHS, BULK_PATHS];

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "requests allowed per minute", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "requests left in this minute", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "seconds until the minute ends", schema: { type: "integer" } },
};

/** What auth and the rate limit may answer to any `/api` request, before its route runs. */
const API_GUARD_RESPONSES: OpenApiOperation["responses"] = {
  "401": jsonResponse(
    "`UNAUTHORIZED`: `X-API-KEY` missing or wrong (only when the gateway has `API_KEY`)",
    ERROR_BODY_REF,
  ),
  "429": {
    description: "`RATE_LIMIT_EXCEEDED`: past `RATE_LIMIT_PER_MINUTE` for this client, across every gateway replica",
    headers: {
      "Retry-After": { description: "seconds to wait", schema: { type: "integer" } },
      ...RATE_LIMIT_HEADERS,
    },
    content: { "application/json": { schema: ERROR_BODY_REF } },
  },
  "503": jsonResponse("`SERVICE_UNAVAILABLE`: Redis, which counts requests, does not answer", ERROR_BODY_REF),
};

/** The gateway's OpenAPI 3.1 document, served at `/api/docs`. */
export function buildOpenApiDocument(features: OpenApiPaths[] = FEATURE_PATHS) {
  const paths: OpenApiPaths = {};
  for (const feature of features) {
    for (const [path, operations] of Object.entries(feature)) {
      const guarded = path === API_MOUNT_PATH || path.startsWith(`${API_MOUNT_PATH}/`);
      paths[path] = { ...paths[path] };
      for (const [method, operation] of Object.entries(operations)) {
        paths[path][method as keyof OpenApiPaths[string]] = guarded
          ? { ...operation, responses: { ...API_GUARD_RESPONSES, ...operation.responses } }
          : { ...operation, security: [] };
      }
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Kabuto API",
      version: "1",
      description:
        'Every error answers `{"success": false, "error": "CODE", "message": "…"}`. Every `/api` route takes the API key in `X-API-KEY` when the gateway has `API_KEY`, and is rate limited per client.',
    },
    security: [{ ApiKey: [] }],
    paths,
    components: {
      securitySchemes: { ApiKey: { type: "apiKey", in: "header", name: "X-API-KEY" } },
      schemas: {
        ErrorBody: {
          type: "object",
          required: ["success", "error", "message"],
          properties: {
            success: { const: false },
            error: { enum: Object.keys(API_ERROR_STATUS) },
            message: { type: "string", description: "in Japanese, for people" },
          },
        },
      },
    },
  };
}

/** The document as served. */
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
