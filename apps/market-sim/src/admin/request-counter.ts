import type { NextFunction, Request, Response } from "express";

/** The headers that tell a browser from a script, as the last request to an endpoint sent them. */
export interface ClientHeaders {
  "user-agent": string | null;
  accept: string | null;
  "accept-language": string | null;
}

/**
 * Requests served per endpoint (and, as "<endpoint> 429", those refused for rate), and the client
 * headers of each endpoint's last request, for tests and benchmarks.
 */
export function requestCounter() {
  const counts = new Map<string, number>();
  const clients = new Map<string, ClientHeaders>();
  const endpoint = (path: string) =>
    path.startsWith("/v8/finance/chart/")
      ? "yahoo:/v8/finance/chart"
      : path.startsWith("/__bulk/")
        ? "jquants:bulk-download"
        : path.startsWith("/v2/")
          ? `jquants:${path}`
          : path.endsWith(".xls")
            ? "jpx:data_j.xls"
            : path;
  return {
    middleware(request: Request, response: Response, next: NextFunction) {
      const key = endpoint(request.path);
      if (!key.startsWith("/__admin") && key !== "/health") {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        clients.set(key, {
          "user-agent": request.get("user-agent") ?? null,
          accept: request.get("accept") ?? null,
          "accept-language": request.get("accept-language") ?? null,
        });
        response.on("finish", () => {
          if (response.statusCode === 429) counts.set(`${key} 429`, (counts.get(`${key} 429`) ?? 0) + 1);
        });
      }
      next();
    },
    snapshot: () => Object.fromEntries([...counts.entries()].sort()),
    clientHeaders: () => Object.fromEntries([...clients.entries()].sort()),
    reset: () => {
      counts.clear();
      clients.clear();
    },
  };
}
