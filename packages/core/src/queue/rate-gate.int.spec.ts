import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import { DEFAULT_REDIS_URL } from "../env";
import { observeUpstream, upstreamObserver } from "../metrics/upstream-observer";
import { redisRateGate } from "./rate-gate";

describe("redisRateGate (real Redis)", () => {
  const connections = [0, 1, 2].map(() => new Redis(process.env.REDIS_URL || DEFAULT_REDIS_URL));

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.quit()));
  });

  it("lets three processes together through at most the rate per one-second window", async () => {
    const key = `t-${randomBytes(5).toString("hex")}:rate`;
    const gates = connections.map((connection) => redisRateGate(connection, key, 180, "test"));
    const waits: { provider: string; seconds: number }[] = [];
    const previous = upstreamObserver();
    observeUpstream({
      request: () => undefined,
      rateLimitWait: (provider, seconds) => waits.push({ provider, seconds }),
    });
    const firstWindow = Math.floor(Date.now() / 1000);
    const passed: number[] = [];
    try {
      await Promise.all(
        Array.from({ length: 12 }, async (_, index) => {
          await gates[index % 3]!();
          passed.push(Math.floor(Date.now() / 1000));
        }),
      );
    } finally {
      observeUpstream(previous);
    }
    // every request but the first waited for its slot, 1/3 s after the one before
    expect(waits).toHaveLength(11);
    expect(waits.every((wait) => wait.provider === "test")).toBe(true);
    expect(waits.reduce((sum, wait) => sum + wait.seconds, 0)).toBeGreaterThan(15);
    // 3 a second: twelve need four windows, so the last cannot pass before the fourth.
    expect(Math.max(...passed) - firstWindow).toBeGreaterThanOrEqual(3);
    expect(Math.max(...passed) - firstWindow).toBeLessThanOrEqual(5);
  });
});
