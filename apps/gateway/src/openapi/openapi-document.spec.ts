import { z } from "zod";

import { gatewayOpenApiDocument } from "../app";
import { buildOpenApiDocument } from "./openapi-document";
import { errorResponses, jsonResponse } from "./openapi-paths";

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the ApiKey scheme in X-API-KEY and the error body", () => {
    const document = gatewayOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.ApiKey).toEqual({ type: "apiKey", in: "header", name: "X-API-KEY" });
    expect(document.components?.schemas?.ErrorBody).toMatchObject({ required: ["success", "error", "message"] });
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining(["/health", "/metrics", "/api/docs", "/api/bulk/start"]),
    );
    expect(document.paths?.["/api/bulk/start"]?.post?.requestBody).toMatchObject({
      content: {
        "application/json": {
          schema: { type: "object", properties: { symbols: { type: "array" }, interval: { default: "1d" } } },
        },
      },
    });
  });

  it("adds 401, 429 and 503 to /api operations and leaves the others public", () => {
    const document = buildOpenApiDocument([
      {
        method: "get",
        path: "/api/things/{id}",
        summary: "one thing",
        request: { params: z.object({ id: z.string() }) },
        responses: { "200": jsonResponse("the thing", z.object({ id: z.string() })), ...errorResponses("NOT_FOUND") },
      },
      { method: "get", path: "/ping", summary: "ping", responses: { "200": { description: "pong" } } },
    ]);
    const guarded = document.paths?.["/api/things/{id}"]?.get;
    expect(Object.keys(guarded?.responses ?? {}).sort()).toEqual(["200", "401", "404", "429", "503"]);
    expect(guarded?.responses?.["429"]?.headers).toHaveProperty("Retry-After");
    expect(guarded?.security).toBeUndefined();
    expect(document.paths?.["/ping"]?.get?.security).toEqual([]);
  });

  it("describes parameters and answers with the zod schemas the routes validate and serialize with", () => {
    const list = gatewayOpenApiDocument().paths?.["/api/v1/companies"]?.get;
    expect(list?.parameters).toEqual(
      expect.arrayContaining([
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
        },
        {
          name: "active_only",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["true", "false"], default: "true" },
        },
      ]),
    );
    expect(list?.responses?.["200"]).toMatchObject({
      content: {
        "application/json": {
          schema: { properties: { companies: { type: "array", items: { $ref: "#/components/schemas/Company" } } } },
        },
      },
    });
  });

  it("gives every operation a described answer, and every path parameter its schema", () => {
    interface Operation {
      responses: Record<string, { content?: unknown }>;
      parameters?: { in: string; name: string }[];
    }
    const operations = Object.entries(gatewayOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
    );
    for (const { path, method, operation } of operations) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"));
      expect([`${method} ${path}`, success?.[1].content]).toEqual([`${method} ${path}`, expect.any(Object)]);
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const inPath = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
      expect([`${method} ${path}`, inPath.map((parameter) => parameter.name)]).toEqual([`${method} ${path}`, named]);
    }
  });
});
