import type { Express } from "express";

import { createApp, gatewayOpenApiDocument, type GatewayDeps } from "../app";
import { loadGatewayConfig } from "../env";

/** A layer of Express 5's router (`router` 2): a route, or a middleware that may be a router. */
interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string;
  slash: boolean;
}

/** Every route the app serves, as "METHOD /openapi/{style}" (mount paths included). */
function registeredRoutes(app: Express): string[] {
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        const path = `${prefix}${layer.route.path}`.replace(/:(\w+)/g, "{$1}");
        return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
      }
      if (!layer.handle.stack) return [];
      return walk(layer.handle.stack, layer.slash ? prefix : `${prefix}${layer.rawPath ?? ""}`);
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
}

function documentedRoutes(): string[] {
  return Object.entries(gatewayOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe("the routes Express serves and the OpenAPI document", () => {
  // Building the app connects to nothing: the routes only use their deps when a request comes.
  const app = createApp({
    config: loadGatewayConfig({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }),
    logger: {} as GatewayDeps["logger"],
    db: { prisma: {}, pool: {} } as unknown as GatewayDeps["db"],
    redis: {} as GatewayDeps["redis"],
    queues: { all: () => [] } as unknown as GatewayDeps["queues"],
    onScheduleChanged: async () => undefined,
  });
  const registered = registeredRoutes(app);
  const documented = documentedRoutes();

  it("finds the routes of every feature, under their mount paths", () => {
    expect(registered).toEqual(
      expect.arrayContaining(["GET /health", "POST /api/bulk/start", "GET /api/v1/companies/{code}", "GET /api/docs"]),
    );
    expect(registered.length).toBeGreaterThanOrEqual(28);
  });

  it("documents every registered route", () => {
    expect(registered.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it("registers every documented route", () => {
    expect(documented.filter((route) => !registered.includes(route))).toEqual([]);
  });

  it("has one operation per route: none registered or documented twice", () => {
    expect(new Set(registered).size).toBe(registered.length);
    expect([...documented].sort()).toEqual([...registered].sort());
  });
});
