import { createServer, type Server as HttpServer } from "node:http";

import type { Redis } from "ioredis";
import { Server, type Socket } from "socket.io";

import { HEALTH_CHECK_DOWN } from "@kabuto/contract";
import {
  createAuthFailureLimiter,
  latestProgress,
  logRedisConnection,
  progressChannel,
  progressEventSchema,
  type Logger,
} from "@kabuto/core";

import { apiKeyMiddleware } from "./api-key.middleware";
import type { ProgressConfig } from "./env";
import { PROGRESS_EVENT, isBatchRoom, parseRoomRequest, roomsOf, type RoomAck } from "./progress-rooms";
import { ProgressThrottle } from "./progress-throttle";

export interface ProgressServerDeps {
  config: ProgressConfig;
  logger: Logger;
  /** The command connection; the server opens its own subscriber beside it. */
  redis: Redis;
}

export interface ProgressServer {
  http: HttpServer;
  io: Server;
  /** Resolves true once the subscriber listens to the progress channel, false when that failed (logged). */
  subscribed: Promise<boolean>;
  /** Disconnects clients, stops accepting new ones, then closes the subscriber. */
  close(): Promise<void>;
}

/**
 * The Socket.IO server and its `GET /health`, not yet listening. Every instance subscribes to the
 * whole progress channel and each client is connected to one instance, so each client gets each
 * event once without a Socket.IO adapter.
 */
export function createProgressServer(deps: ProgressServerDeps): ProgressServer {
  const { config, logger, redis } = deps;
  const http = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/health") {
      // The connection waits for Redis to come back rather than fail, so the probe has its own deadline.
      Promise.race([
        redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 1 s")), 1000).unref()),
      ]).then(
        () => respond(200, { status: "ok", checks: { redis: "ok" } }),
        (error: Error) => {
          logger.warn("health check: redis does not answer", { error: error.message });
          respond(503, { status: "degraded", checks: { redis: HEALTH_CHECK_DOWN } });
        },
      );
      return;
    }
    respond(404, { success: false, error: "NOT_FOUND", message: "not found" });

    function respond(status: number, body: unknown) {
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    }
  });
  const origins = config.cors.origins;
  const io = new Server(http, {
    serveClient: false,
    cors: { origin: origins },
    // CORS alone leaves WebSocket handshakes open to any page; a browser always sends its Origin.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || origins.includes(origin));
    },
  });
  const throttle = new ProgressThrottle({
    intervalMs: config.throttle.intervalMs,
    send: (event) => io.to(roomsOf(event)).emit(PROGRESS_EVENT, event),
    // Nothing follows a terminal event, and a later subscribe sends it again to the whole room.
    onForget: (batchId, finished) => finished && io.in(batchId).socketsLeave(batchId),
  });

  const subscriber = redis.duplicate();
  logRedisConnection(subscriber, logger, "redis subscriber");
  subscriber.on("message", (_channel: string, message: string) => {
    const event = parseProgressMessage(message);
    if (event.success) throttle.push(event.data);
    else logger.warn("dropped an invalid progress message", { reason: event.error });
  });
  const subscribed = subscriber.subscribe(progressChannel(config.queuePrefix)).then(
    () => true,
    (error: Error) => {
      logger.error("could not subscribe to progress events", { error: error.message });
      return false;
    },
  );

  const failures = createAuthFailureLimiter(redis, {
    limit: config.auth.failuresPerMinute,
    prefix: config.queuePrefix,
  });
  io.use(apiKeyMiddleware(config.auth.apiKey, failures));
  io.on("connection", (socket) => {
    logger.debug("client connected", { socket_id: socket.id });
    socket.on("subscribe", (payload: unknown, ack: unknown) => {
      const request = parseRoomRequest(payload);
      if (!request.ok) return reply(ack, request);
      const { room } = request;
      void socket.join(room);
      reply(ack, { ok: true });
      if (isBatchRoom(room)) sendCurrentState(socket, room);
    });
    socket.on("unsubscribe", (payload: unknown, ack: unknown) => {
      const request = parseRoomRequest(payload);
      if (!request.ok) return reply(ack, request);
      void socket.leave(request.room);
      reply(ack, { ok: true });
    });
  });

  /**
   * What this instance last sent for the batch is what its room has seen; without it (a batch this
   * instance has not seen yet) the stored latest event becomes the first the room sees. It goes to
   * the whole room: every socket that joined during the read is waiting for it too, and from then
   * on the throttle counts it as sent, so its copy arriving on the channel is not sent again.
   */
  function sendCurrentState(socket: Socket, batchId: string): void {
    const sent = throttle.lastSent(batchId);
    if (sent !== undefined) {
      socket.emit(PROGRESS_EVENT, sent);
      return;
    }
    latestProgress(redis, config.queuePrefix, batchId).then(
      (latest) => {
        if (latest !== null && throttle.seed(latest)) io.to(batchId).emit(PROGRESS_EVENT, latest);
      },
      (error: Error) => logger.warn("could not read the latest progress", { batch_id: batchId, error: error.message }),
    );
  }

  return {
    http,
    io,
    subscribed,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // QUIT waits in the offline queue for a Redis that is not there: only a ready connection gets it.
      if (subscriber.status === "ready") await subscriber.quit().catch(() => subscriber.disconnect());
      else subscriber.disconnect();
      throttle.close();
    },
  };
}

function parseProgressMessage(message: string) {
  try {
    const parsed = progressEventSchema.safeParse(JSON.parse(message));
    return parsed.success
      ? { success: true as const, data: parsed.data }
      : {
          success: false as const,
          error: parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; "),
        };
  } catch {
    return { success: false as const, error: "not JSON" };
  }
}

function reply(ack: unknown, answer: RoomAck): void {
  if (typeof ack === "function") ack(answer);
}
