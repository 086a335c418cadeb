import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import { DEFAULT_REDIS_URL } from "../env";
import { redisRateGate } from "./rate-gate";

describe("redisRateGate (real Redis)", () => {
  const connections = [0, 1, 2].map(() => new Redis(process.env.REDIS_URL || DEFAULT_REDIS_URL));

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.quit()));
  });

  it("lets three processes together through at most the rate per one-second window", async () => {
    const key = `t-${randomBytes(5).toString("hex")}:rate`;
    const gates = connections.map((connection) => redisRateGate(connection, key, 180));
    const passed: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        await gates[index % 3]!();
        passed.push(Math.floor(Date.now() / 1000));
      }),
    );
    const perSecond = new Map<number, number>();
    for (const second of passed) perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(3);
    expect(perSecond.size).toBeGreaterThanOrEqual(4);
  });
});
