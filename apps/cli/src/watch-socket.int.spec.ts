import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";

import { Server, type Socket } from "socket.io";

import type { BulkJob } from "@kabuto/contract";
import { DEFAULT_TIMING } from "./cli-deps";
import { runCli } from "./cli";
import type { ProgressEvent } from "./progress-event";
import { testDeps } from "./testing/test-deps";

const JOB_ID = "job-socket-1";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function job(processed: number, status: BulkJob["status"] = "running"): BulkJob {
  const ended = status === "completed" || status === "cancelled" || status === "failed";
  return {
    id: JOB_ID,
    status,
    provider: "yahoo",
    interval: "1d",
    period: "1y",
    unit: "symbols",
    plan: { from: null, to: null, units: 2, requests_estimated: 2, requests_used: 2, skipped: null },
    progress: { total: 20, processed, successful: processed, failed: 0, progress_percentage: processed * 5 },
    ...(ended
      ? {
          summary: {
            total_symbols: 20,
            successful: processed,
            failed: 0,
            records: processed * 245,
            duration_seconds: 1.5,
            failures_by_class: {},
          },
        }
      : {}),
    created_at: 1_764_000_000,
    updated_at: 1_764_000_001,
  };
}

function event(processed: number, status: ProgressEvent["status"] = "running", batchId = JOB_ID): ProgressEvent {
  return {
    batch_id: batchId,
    status,
    unit: "symbols",
    progress: { total: 20, processed, successful: processed, failed: 0, percentage: processed * 5 },
    current_processing: ["7203"],
    estimated_completion: new Date(Date.now() + 4000).toISOString(),
    throughput: { stocks_per_minute: 600, records_per_minute: 147_000 },
    emitted_at: new Date().toISOString(),
  };
}

/** The status route, answering with whatever `current` holds, counting calls. */
function statusRoute() {
  const route = {
    current: job(0),
    calls: 0,
    fetch: (async (input: string | URL | Request) => {
      const url = String(input);
      if (!url.endsWith(`/api/bulk/status/${JOB_ID}`)) throw new Error(`unexpected request ${url}`);
      route.calls += 1;
      return new Response(JSON.stringify({ success: true, job: route.current }), { status: 200 });
    }) as typeof fetch,
  };
  return route;
}

/** A tiny progress service: `onJoin` runs once the client joined the job's room. */
async function startProgressService(options: { handleJoin: boolean; onJoin?: (socket: Socket) => Promise<void> }) {
  const http: HttpServer = createServer();
  const io = new Server(http);
  const apiKeys: unknown[] = [];
  io.on("connection", (socket) => {
    apiKeys.push(socket.handshake.auth.apiKey);
    if (!options.handleJoin) return;
    socket.on("subscribe", (payload: { batch_id: string }, ack: (answer: { ok: boolean }) => void) => {
      void socket.join(payload.batch_id);
      ack({ ok: payload.batch_id === JOB_ID });
      void options.onJoin?.(socket);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    io,
    apiKeys,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

const timing = { ...DEFAULT_TIMING, socketTimeoutMs: 500, pollIntervalMs: 50, lineIntervalMs: 0 };

async function watch(progressUrl: string, route: ReturnType<typeof statusRoute>) {
  const deps = testDeps({ fetch: route.fetch, timing });
  const code = await runCli(
    ["watch", JOB_ID, "--url", "http://gateway.test", "--progress-url", progressUrl, "--api-key", "secret"],
    deps,
  );
  return { code, out: deps.stdout.text(), err: deps.stderr.text() };
}

describe("watch over Socket.IO", () => {
  it("draws the progress service's events, sends the API key, and asks REST only around them", async () => {
    const route = statusRoute();
    const service = await startProgressService({
      handleJoin: true,
      async onJoin(socket) {
        for (const processed of [7, 13]) {
          await sleep(30);
          socket.emit("progress", event(processed));
        }
        socket.emit("progress", event(19, "running", "job-someone-else"));
        socket.emit("progress", { batch_id: JOB_ID, status: "bogus" });
        route.current = job(20, "completed");
        socket.emit("progress", event(20, "completed"));
      },
    });
    try {
      const { code, out, err } = await watch(service.url, route);
      expect(err).toBe("");
      expect(code).toBe(0);
      const lines = out.trim().split("\n");
      expect(lines[0]).toBe(`進捗: ${service.url} (Socket.IO)`);
      expect(out).toContain(" 7/20 銘柄  失敗 0  10.0 銘柄/秒  残り 0:0");
      expect(out).toContain(" 13/20 銘柄");
      expect(out).not.toContain("19/20");
      expect(out).toContain("完了 [██████████████████████████████] 100.0%  20/20 銘柄");
      expect(lines.at(-1)).toBe(`${JOB_ID} 完了: 20 銘柄中 成功 20 / 失敗 0、保存 4,900 件、所要 1.5 秒`);
      expect(service.apiKeys).toEqual(["secret"]);
      // first read, the read after joining, the summary: no polling
      expect(route.calls).toBe(3);
    } finally {
      await service.close();
    }
  });

  it("hands over to polling when the socket drops midway", async () => {
    const route = statusRoute();
    const service = await startProgressService({
      handleJoin: true,
      async onJoin(socket) {
        await sleep(30);
        socket.emit("progress", event(5));
        await sleep(30);
        socket.disconnect(true);
        await sleep(200);
        route.current = job(20, "completed");
      },
    });
    try {
      const { code, out } = await watch(service.url, route);
      expect(code).toBe(0);
      expect(out).toContain(" 5/20 銘柄");
      expect(out.trim().split("\n").at(-1)).toContain("完了: 20 銘柄中 成功 20");
      expect(route.calls).toBeGreaterThan(3);
    } finally {
      await service.close();
    }
  });
});

describe("watch without a usable progress service", () => {
  it("polls the status route when the service does not acknowledge join in time", async () => {
    const route = statusRoute();
    const service = await startProgressService({ handleJoin: false });
    const started = Date.now();
    setTimeout(() => (route.current = job(10)), 700);
    setTimeout(() => (route.current = job(20, "completed")), 900);
    try {
      const { code, out } = await watch(service.url, route);
      expect(code).toBe(0);
      expect(out.split("\n")[0]).toBe(
        "進捗: http://gateway.test/api/bulk/status を 0.05 秒ごとに確認 (進捗サービスに接続できません)",
      );
      expect(out).toContain(" 10/20 銘柄");
      expect(Date.now() - started).toBeGreaterThanOrEqual(timing.socketTimeoutMs);
    } finally {
      await service.close();
    }
  });

  it("polls at once when the connection is refused", async () => {
    const service = await startProgressService({ handleJoin: true });
    const refusedUrl = service.url;
    await service.close();
    const route = statusRoute();
    setTimeout(() => (route.current = job(20, "cancelled")), 200);
    const started = Date.now();
    const { code, out } = await watch(refusedUrl, route);
    expect(Date.now() - started).toBeLessThan(timing.socketTimeoutMs + 300);
    expect(out).toContain("を 0.05 秒ごとに確認");
    expect(out.trim().split("\n").at(-1)).toBe(
      `${JOB_ID} 停止済み: 20 銘柄中 成功 20 / 失敗 0、保存 4,900 件、所要 1.5 秒`,
    );
    expect(code).toBe(1);
  });
});
