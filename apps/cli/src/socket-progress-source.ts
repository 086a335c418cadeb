import type { io as connect, Socket } from "socket.io-client";

import type { Clock } from "./cli-deps";
import { progressEventSchema } from "./progress-event";
import type { ProgressSource, SourceUpdate } from "./progress-source";
import { snapshotFromEvent, type ProgressSnapshot } from "./progress-snapshot";

export interface SocketSourceOptions {
  io: typeof connect;
  url: string;
  apiKey?: string;
  jobId: string;
  /** For connecting and for the `join` acknowledgement, together. */
  timeoutMs: number;
  /** Silence after which `next()` answers `idle`. */
  idleMs: number;
  clock: Clock;
}

/**
 * Joins the job's room on the progress service. Resolves null when the service does not connect
 * and acknowledge `join` within `timeoutMs` (absent, refused, or an older service without rooms),
 * so the caller can poll instead.
 */
export async function connectSocketProgressSource(options: SocketSourceOptions): Promise<ProgressSource | null> {
  const socket: Socket = options.io(options.url, {
    auth: options.apiKey ? { apiKey: options.apiKey } : {},
    reconnection: false,
    timeout: options.timeoutMs,
    transports: ["websocket"],
  });
  let latest: ProgressSnapshot | undefined;
  let lost = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  socket.on("progress", (payload: unknown) => {
    const event = progressEventSchema.safeParse(payload);
    if (!event.success || event.data.batch_id !== options.jobId) return;
    latest = snapshotFromEvent(event.data);
    notify();
  });
  socket.on("disconnect", () => {
    lost = true;
    notify();
  });

  const joined = await new Promise<boolean>((resolve) => {
    const started = options.clock.now();
    const timer = setTimeout(() => resolve(false), options.timeoutMs);
    socket.once("connect_error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    socket.once("connect", () => {
      const left = Math.max(1, options.timeoutMs - (options.clock.now() - started));
      socket
        .timeout(left)
        .emit("subscribe", { batch_id: options.jobId }, (error: Error | null, ack?: { ok?: boolean }) => {
          clearTimeout(timer);
          resolve(error === null && ack?.ok === true);
        });
    });
  });
  if (!joined) {
    socket.close();
    return null;
  }

  return {
    name: "socket",
    next() {
      return new Promise<SourceUpdate>((resolve) => {
        const answer = () => {
          clearTimeout(idle);
          wake = undefined;
          if (latest) {
            const snapshot = latest;
            latest = undefined;
            resolve({ kind: "snapshot", snapshot });
          } else if (lost) resolve({ kind: "lost" });
          else resolve({ kind: "idle" });
        };
        const idle = setTimeout(answer, options.idleMs);
        if (latest || lost) answer();
        else wake = answer;
      });
    },
    close() {
      socket.off("disconnect");
      socket.close();
      notify();
    },
  };
}
