import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";

import { errorBodySchema } from "@kabuto/contract";

import { jsonResponse, type OpenApiRoute } from "./openapi-paths";

/** Where the `/api` router is mounted: its operations need the API key and are rate limited. */
export const API_MOUNT_PATH = "/api";

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "requests allowed per minute", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "requests left in this minute", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "seconds until the minute ends", schema: { type: "integer" } },
} as const;

/** What auth and the rate limit may answer to any `/api` request, before its route runs. */
const API_GUARD_RESPONSES: Record<string, ResponseConfig> = {
  "401": jsonResponse(
    "`UNAUTHORIZED`: `X-API-KEY` missing or wrong (only when the gateway has `API_KEY`)",
    errorBodySchema,
  ),
  "429": {
    description:
      "`RATE_LIMIT_EXCEEDED`: past `RATE_LIMIT_PER_MINUTE` for this client, or past `AUTH_FAILURES_PER_MINUTE` wrong keys from this address (then even the right key is refused until the minute ends); counted across every gateway replica",
    headers: { "Retry-After": { description: "seconds to wait", schema: { type: "integer" } }, ...RATE_LIMIT_HEADERS },
    content: { "application/json": { schema: errorBodySchema } },
  },
  "503": jsonResponse(
    "`SERVICE_UNAVAILABLE`: Redis, which counts requests and failed keys, does not answer",
    errorBodySchema,
  ),
};

function isGuarded(path: string): boolean {
  return path === API_MOUNT_PATH || path.startsWith(`${API_MOUNT_PATH}/`);
}

/** The gateway's OpenAPI 3.1 document, served at `/api/docs`, from every feature's routes. */
export function buildOpenApiDocument(routes: readonly OpenApiRoute[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "ApiKey", { type: "apiKey", in: "header", name: "X-API-KEY" });
  for (const route of routes) {
    registry.registerPath(
      isGuarded(route.path)
        ? { ...route, responses: { ...API_GUARD_RESPONSES, ...route.responses } }
        : { ...route, security: [] },
    );
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Kabuto API",
      version: "1",
      description:
        'Every error answers `{"success": false, "error": "CODE", "message": "…"}`. Every `/api` route takes the API key in `X-API-KEY` when the gateway has `API_KEY`, and is rate limited per client.',
    },
    security: [{ ApiKey: [] }],
  });
}

/** The document as served. */
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
