import { io as connect } from "socket.io-client";

import { createTestRedis, type TestRedis } from "@kabuto/testkit";

import { TOO_MANY_FAILURES, UNAUTHORIZED } from "./api-key.middleware";
import { connectClient, startTestProgress, type TestProgress } from "./testing/progress-harness";

const DASHBOARD = "http://127.0.0.1:3000";
const OTHER_SITE = "http://evil.example";

/** The first request of Socket.IO's HTTP long-polling, as a page at `origin` sends it. */
function pollingHandshake(url: string, origin?: string) {
  return fetch(`${url}/socket.io/?EIO=4&transport=polling`, {
    headers: origin === undefined ? {} : { Origin: origin },
  });
}

/** Resolves with "connected" or the connect_error message of a WebSocket handshake sending `origin`. */
function websocketWithOrigin(url: string, origin: string): Promise<string> {
  const socket = connect(url, {
    transports: ["websocket"],
    extraHeaders: { Origin: origin },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  }).finally(() => socket.close()) as Promise<string>;
}

describe("progress server guards (real Redis)", () => {
  let redis: TestRedis;
  const servers: TestProgress[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startTestProgress(`${redis.prefix}-${servers.length}`, env);
    servers.push(server);
    return server;
  };

  beforeAll(() => {
    redis = createTestRedis();
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await redis.cleanup();
  });

  describe("CORS allow-list", () => {
    it("by default grants the gateway's dashboard on this machine and nobody else", async () => {
      const { url } = await start({});
      for (const origin of [DASHBOARD, "http://localhost:3000"]) {
        const allowed = await pollingHandshake(url, origin);
        expect(allowed.status).toBe(200);
        expect(allowed.headers.get("access-control-allow-origin")).toBe(origin);
      }
      for (const origin of [OTHER_SITE, "http://127.0.0.1:3001", "https://127.0.0.1:3000"]) {
        const refused = await pollingHandshake(url, origin);
        expect(refused.status).toBe(403);
        expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      }
    });

    it("takes PROGRESS_CORS_ORIGINS instead, and refuses a WebSocket from another page too", async () => {
      const { url } = await start({ PROGRESS_CORS_ORIGINS: "https://kabuto.example, http://10.0.0.5:8080/" });
      const allowed = await pollingHandshake(url, "http://10.0.0.5:8080");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("http://10.0.0.5:8080");
      expect((await pollingHandshake(url, DASHBOARD)).headers.get("access-control-allow-origin")).toBeNull();
      expect(await websocketWithOrigin(url, "https://kabuto.example")).toBe("connected");
      expect(await websocketWithOrigin(url, DASHBOARD)).not.toBe("connected");
    });

    it("lets clients that are not browsers (no Origin: the CLI) connect", async () => {
      const { url } = await start({});
      expect((await pollingHandshake(url)).status).toBe(200);
      const client = await connectClient(url);
      client.socket.close();
    });
  });

  it("after AUTH_FAILURES_PER_MINUTE wrong keys refuses even the right key from that address", async () => {
    const apiKey = "k".repeat(32);
    const { url } = await start({ API_KEY: apiKey, AUTH_FAILURES_PER_MINUTE: "2" });
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute));
    (await connectClient(url, apiKey)).socket.close();
    await expect(connectClient(url, "wrong")).rejects.toThrow(UNAUTHORIZED);
    await expect(connectClient(url)).rejects.toThrow(UNAUTHORIZED);
    await expect(connectClient(url, apiKey)).rejects.toThrow(TOO_MANY_FAILURES);
  });
});
