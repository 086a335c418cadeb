import { z } from "zod";

import { API_ERROR_STATUS, type ApiErrorCode } from "../http/api-error";

/** A JSON Schema (draft 2020-12, which OpenAPI 3.1 uses as is). */
export type JsonSchema = Record<string, unknown>;

/** One OpenAPI 3.1 parameter. */
export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** One OpenAPI 3.1 response. */
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

/** One OpenAPI 3.1 operation; the auth and rate-limit answers of `/api` are added by the document. */
export interface OpenApiOperation {
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
  security?: Record<string, string[]>[];
}

/** What one feature adds to the document: OpenAPI paths (`/api/bulk/status/{job_id}`) to operations. */
export type OpenApiPaths = Record<
  string,
  Partial<Record<"get" | "post" | "put" | "patch" | "delete", OpenApiOperation>>
>;

/** Reference to the error body every error answers with. */
export const ERROR_BODY_REF = { $ref: "#/components/schemas/ErrorBody" } as const;

/** The JSON Schema of what a zod schema accepts (its input, before defaults and coercion). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
}

/** A required JSON request body described by the same zod schema the route validates with. */
export function jsonRequestBody(schema: z.ZodType): NonNullable<OpenApiOperation["requestBody"]> {
  return { required: true, content: { "application/json": { schema: jsonSchemaOf(schema) } } };
}

/** Query or path parameters from the zod object the route validates them with. */
export function parametersOf(location: "path" | "query", schema: z.ZodObject): OpenApiParameter[] {
  const objectSchema = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(objectSchema.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (objectSchema.required ?? []).includes(name),
    schema: property,
  }));
}

/** A JSON answer; `schema` omitted leaves its shape undescribed. */
export function jsonResponse(description: string, schema: JsonSchema = {}): OpenApiResponse {
  return { description, content: { "application/json": { schema } } };
}

/** The error answers an operation may give, keyed by their HTTP status. */
export function errorResponses(...codes: ApiErrorCode[]): Record<string, OpenApiResponse> {
  return Object.fromEntries(
    codes.map((code) => [String(API_ERROR_STATUS[code]), jsonResponse(`error \`${code}\``, ERROR_BODY_REF)]),
  );
}
