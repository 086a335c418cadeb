import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";

import { listen, publishProgress, type BatchStatus, type ProgressEvent } from "@kabuto/core";
import { testLogger, testServers, waitUntil } from "@kabuto/testkit";

import { loadProgressConfig } from "../env";
import { createProgressServer, type ProgressServer } from "../progress-server";
import type { RoomAck } from "../progress-rooms";

/** A progress server in-process on 127.0.0.1, on a port of its own. */
export interface TestProgress {
  server: ProgressServer;
  url: string;
  close(): Promise<void>;
}

export async function startTestProgress(prefix: string, env: Record<string, string> = {}): Promise<TestProgress> {
  const redis = new Redis(testServers().redisUrl, { maxRetriesPerRequest: null });
  const server = createProgressServer({
    config: loadProgressConfig({ QUEUE_PREFIX: prefix, ...env }),
    logger: testLogger(),
    redis,
  });
  if (!(await server.subscribed)) throw new Error("the progress server could not subscribe");
  const port = await listen(server.http, 0, "127.0.0.1");
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      await redis.quit();
    },
  };
}

/** A connected client and every `progress` event it has received, in order. */
export interface TestClient {
  socket: ClientSocket;
  received: ProgressEvent[];
  join(room: string): Promise<RoomAck>;
  leave(room: string): Promise<RoomAck>;
  /** Resolves once an event matching `predicate` has arrived; `what` names it in the timeout message. */
  waitFor(what: string, predicate: (event: ProgressEvent) => boolean, timeoutMs?: number): Promise<void>;
}

/** Connects as the dashboard and CLI do; rejects with the connect_error. */
export function connectClient(url: string, apiKey?: string): Promise<TestClient> {
  const socket = connect(url, {
    auth: apiKey === undefined ? {} : { apiKey },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  const received: ProgressEvent[] = [];
  socket.on("progress", (event: ProgressEvent) => received.push(event));
  const client: TestClient = {
    socket,
    received,
    join: (room) => socket.timeout(5_000).emitWithAck("subscribe", room === "all" ? { all: true } : { batch_id: room }),
    leave: (room) =>
      socket.timeout(5_000).emitWithAck("unsubscribe", room === "all" ? { all: true } : { batch_id: room }),
    async waitFor(what, predicate, timeoutMs = 5_000) {
      await waitUntil(
        `a client to receive ${what}`,
        () => ({ arrived: received.some(predicate), received: received.map(summary) }),
        ({ arrived }) => arrived,
        { timeoutMs, intervalMs: 10 },
      );
    },
  };
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(client));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** A progress event of a batch, `processed` of `total` done. */
export function progressEvent(
  batchId: string,
  status: BatchStatus,
  processed: number,
  options: { total?: number; unit?: ProgressEvent["unit"]; emittedAt?: Date } = {},
): ProgressEvent {
  const total = options.total ?? 1_000;
  return {
    batch_id: batchId,
    status,
    unit: options.unit ?? "symbols",
    progress: {
      total,
      processed,
      successful: processed,
      failed: 0,
      percentage: Math.round((processed / total) * 10_000) / 100,
    },
    current_processing: ["7203"],
    estimated_completion: null,
    throughput: { stocks_per_minute: 60, records_per_minute: 14_640 },
    emitted_at: (options.emittedAt ?? new Date()).toISOString(),
  };
}

/** `status:processed`, to compare sequences at a glance. */
export function summary(event: ProgressEvent): string {
  return `${event.batch_id}/${event.status}:${event.progress.processed}`;
}

/**
 * Resolves once the servers of these clients have handled every message published before: a
 * terminal event goes out at once, so its arrival means everything ahead of it was dealt with.
 */
export async function drain(publisher: Redis, prefix: string, clients: TestClient[]): Promise<void> {
  const barrier = `barrier-${randomBytes(4).toString("hex")}`;
  await Promise.all(clients.map((client) => client.join(barrier)));
  await publishProgress(publisher, prefix, progressEvent(barrier, "completed", 1, { total: 1 }));
  await Promise.all(
    clients.map((client) => client.waitFor(`the barrier ${barrier}`, (event) => event.batch_id === barrier)),
  );
}

/** The events of one batch a client received. */
export function eventsOf(client: TestClient, batchId: string): ProgressEvent[] {
  return client.received.filter((event) => event.batch_id === batchId);
}
