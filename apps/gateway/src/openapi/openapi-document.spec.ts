import { z } from "zod";

import { buildOpenApiDocument } from "./openapi-document";
import { errorResponses, jsonRequestBody, parametersOf } from "./openapi-paths";

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the ApiKey scheme in X-API-KEY and the error body", () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.ApiKey).toEqual({ type: "apiKey", in: "header", name: "X-API-KEY" });
    expect(document.components.schemas.ErrorBody.required).toEqual(["success", "error", "message"]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/health", "/metrics", "/api/docs", "/api/bulk/start"]),
    );
    expect(document.paths["/api/bulk/start"]?.post?.requestBody?.content["application/json"]?.schema).toMatchObject({
      type: "object",
      properties: { symbols: { type: "array" }, interval: { default: "1d" } },
    });
  });

  it("adds 401, 429 and 503 to /api operations and leaves the others public", () => {
    const document = buildOpenApiDocument([
      {
        "/api/things/{id}": {
          get: {
            summary: "one thing",
            responses: { "200": { description: "the thing" }, ...errorResponses("NOT_FOUND") },
          },
        },
        "/ping": { get: { summary: "ping", responses: { "200": { description: "pong" } } } },
      },
    ]);
    const guarded = document.paths["/api/things/{id}"]?.get;
    expect(Object.keys(guarded?.responses ?? {}).sort()).toEqual(["200", "401", "404", "429", "503"]);
    expect(guarded?.responses["429"]?.headers).toHaveProperty("Retry-After");
    expect(guarded?.security).toBeUndefined();
    expect(document.paths["/ping"]?.get?.security).toEqual([]);
  });

  it("describes bodies and parameters with the zod schemas the routes validate with", () => {
    expect(parametersOf("query", z.object({ limit: z.coerce.number().max(1000).default(100), q: z.string() }))).toEqual(
      [
        { name: "limit", in: "query", required: false, schema: { type: "number", maximum: 1000, default: 100 } },
        { name: "q", in: "query", required: true, schema: { type: "string" } },
      ],
    );
    expect(jsonRequestBody(z.object({ symbols: z.array(z.string()) })).content["application/json"]?.schema).toEqual({
      type: "object",
      properties: { symbols: { type: "array", items: { type: "string" } } },
      required: ["symbols"],
    });
  });
});
