import type { Server } from "node:http";

import { Counter, Gauge } from "prom-client";

import { boundUrl, closeServer } from "../listen";
import type { Logger } from "../logger";
import { createMetricsRegistry } from "./metrics-registry";
import { startMetricsServer } from "./metrics-server";

describe("startMetricsServer (loopback)", () => {
  const warnings: unknown[] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args), error: () => undefined } as unknown as Logger;
  let server: Server | undefined;

  afterEach(async () => {
    if (server) await closeServer(server);
  });

  it("serves the registry at GET /metrics, 404 elsewhere, and 500 (logged) when a collector fails", async () => {
    const registry = createMetricsRegistry();
    new Counter({ name: "kabuto_test_total", help: "a test counter", registers: [registry] }).inc(3);
    let failing = false;
    new Gauge({
      name: "kabuto_test_gauge",
      help: "a gauge whose collector can fail",
      registers: [registry],
      collect() {
        if (failing) throw new Error("collector down");
        this.set(1);
      },
    });
    server = await startMetricsServer({ registry, host: "127.0.0.1", port: 0, logger });
    const url = `${boundUrl(server)}/metrics`;

    const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    expect(text).toContain("kabuto_test_total 3");
    expect(text).toContain("process_resident_memory_bytes");
    expect((await fetch(`${boundUrl(server)}/`, { signal: AbortSignal.timeout(5_000) })).status).toBe(404);
    expect((await fetch(url, { method: "POST", signal: AbortSignal.timeout(5_000) })).status).toBe(404);

    failing = true;
    expect((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status).toBe(500);
    expect(JSON.stringify(warnings)).toContain("collector down");
  });
});
