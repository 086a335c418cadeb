import type { NextFunction, Request, Response } from "express";

/** Requests served per endpoint, for tests and benchmarks. */
export function requestCounter() {
  const counts = new Map<string, number>();
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
    middleware(request: Request, _response: Response, next: NextFunction) {
      const key = endpoint(request.path);
      if (!key.startsWith("/__admin") && key !== "/health") counts.set(key, (counts.get(key) ?? 0) + 1);
      next();
    },
    snapshot: () => Object.fromEntries([...counts.entries()].sort()),
    reset: () => counts.clear(),
  };
}
