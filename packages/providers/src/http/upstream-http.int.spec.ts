import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { observeUpstream, upstreamObserver } from "@kabuto/core";

import { upstreamHttp } from "./upstream-http";

describe("upstreamHttp (loopback)", () => {
  let server: Server;
  let base: string;
  const reported: [string, string][] = [];
  const previous = upstreamObserver();

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/hang") return;
      response.writeHead(request.url === "/missing" ? 404 : 200).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    observeUpstream({
      request: (provider, status) => reported.push([provider, status]),
      rateLimitWait: () => undefined,
    });
  });

  afterAll(async () => {
    observeUpstream(previous);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("reports every request with its provider and status, or timeout / network when unanswered", async () => {
    const http = upstreamHttp("jquants");
    await http.get(`${base}/ok`);
    await expect(http.get(`${base}/missing`)).rejects.toThrow(/404/);
    await expect(http.get(`${base}/hang`, { timeout: 200 })).rejects.toThrow(/timeout/);
    // port 1 (tcpmux): nothing listens there on a test machine, the connection is refused
    await expect(upstreamHttp("jpx").get("http://127.0.0.1:1/")).rejects.toThrow();
    expect(reported).toEqual([
      ["jquants", "200"],
      ["jquants", "404"],
      ["jquants", "timeout"],
      ["jpx", "network"],
    ]);
  });
});
