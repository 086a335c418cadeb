import { createServer, type Server } from "node:http";

import type { Registry } from "prom-client";
import type { z } from "zod";

import { DEFAULT_HOST, hostSchema } from "../auth/listen-env";
import { portSchema } from "../env";
import { listen } from "../listen";
import type { Logger } from "../logger";

/** Apps without an HTTP API of their own (worker, scheduler) and progress serve their metrics here. */
export const METRICS_ENV = {
  /** Unset: no metrics server. */
  METRICS_PORT: portSchema.optional(),
  METRICS_HOST: hostSchema.default(DEFAULT_HOST),
};

/** METRICS_ENV as config: where to serve `/metrics`, or undefined for nowhere. */
export function metricsConfig(env: z.output<z.ZodObject<typeof METRICS_ENV>>) {
  return env.METRICS_PORT === undefined ? undefined : { host: env.METRICS_HOST, port: env.METRICS_PORT };
}

/** Serves `GET /metrics` (Prometheus text) of `registry`; every other path is a 404. */
export async function startMetricsServer(options: {
  registry: Registry;
  host: string;
  port: number;
  logger: Logger;
}): Promise<Server> {
  const { registry, logger } = options;
  const server = createServer((request, response) => {
    if (request.method !== "GET" || request.url !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        logger.warn("metrics not collected", { error: String(error) });
        response.writeHead(500, { "content-type": "text/plain" }).end("metrics not collected\n");
      },
    );
  });
  server.on("error", (error) => logger.error("metrics server error", { error: error.message }));
  await listen(server, options.port, options.host);
  return server;
}
