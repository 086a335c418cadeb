import type { ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";

import { errorBodySchema } from "@kabuto/contract";

import { API_ERROR_STATUS, type ApiErrorCode } from "../http/api-error";

/** One operation of the document: method, OpenAPI path (`/api/bulk/status/{job_id}`), schemas. */
export type OpenApiRoute = RouteConfig;

/** A JSON answer described by its zod schema. */
export function jsonResponse(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

/** A required JSON request body described by the zod schema the route validates it with. */
export function jsonRequestBody(schema: z.ZodType): NonNullable<NonNullable<RouteConfig["request"]>["body"]> {
  return { required: true, content: { "application/json": { schema } } };
}

/** The error answers an operation may give, keyed by their HTTP status. */
export function errorResponses(...codes: ApiErrorCode[]): Record<string, ResponseConfig> {
  return Object.fromEntries(
    codes.map((code) => [String(API_ERROR_STATUS[code]), jsonResponse(`error \`${code}\``, errorBodySchema)]),
  );
}
