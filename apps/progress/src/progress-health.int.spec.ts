import { Redis } from "ioredis";

import { listen } from "@kabuto/core";
import { testLogger } from "@kabuto/testkit";

import { loadProgressConfig } from "./env";
import { createProgressServer } from "./progress-server";

describe("progress /health without Redis", () => {
  it("answers 503 within its deadline, naming no driver error", async () => {
    const redis = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: null, retryStrategy: () => 200 });
    redis.on("error", () => undefined);
    const server = createProgressServer({ config: loadProgressConfig({}), logger: testLogger(), redis });
    try {
      const port = await listen(server.http, 0, "127.0.0.1");
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "degraded", checks: { redis: "unreachable" } });
    } finally {
      await server.close();
      redis.disconnect();
    }
  });
});
