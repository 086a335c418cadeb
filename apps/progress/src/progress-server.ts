import { createServer, type Server as HttpServer } from "node:http";

import type { Redis } from "ioredis";
import { Server } from "socket.io";

import type { Logger } from "@kabuto/core";

import type { ProgressConfig } from "./env";

export interface ProgressServerDeps {
  config: ProgressConfig;
  logger: Logger;
  redis: Redis;
}

export interface ProgressServer {
  http: HttpServer;
  io: Server;
  /** Disconnects clients and stops accepting new ones. */
  close(): Promise<void>;
}

/** The Socket.IO server and its `GET /health`, not yet listening. */
export function createProgressServer(deps: ProgressServerDeps): ProgressServer {
  const http = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/health") {
      deps.redis.ping().then(
        () => respond(200, { status: "ok", checks: { redis: "ok" } }),
        (error: Error) => respond(503, { status: "degraded", checks: { redis: error.message } }),
      );
      return;
    }
    respond(404, { success: false, error: "NOT_FOUND", message: "not found" });

    function respond(status: number, body: unknown) {
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    }
  });
  const io = new Server(http, { serveClient: false, cors: { origin: true } });
  io.on("connection", (socket) => deps.logger.debug("client connected", { socket_id: socket.id }));
  return {
    http,
    io,
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}
