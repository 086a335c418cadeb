import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import { DEFAULT_REDIS_URL } from "../env";
import { ADAPTIVE_RUN, adaptiveRate } from "./adaptive-rate";

describe("adaptiveRate (real Redis)", () => {
  const redis = new Redis(process.env.REDIS_URL || DEFAULT_REDIS_URL);
  const keys: string[] = [];
  const rateAt = (options: { ceiling: number; floor: number; cooldownMs: number }) => {
    const key = `t-${randomBytes(5).toString("hex")}:rate`;
    keys.push(key);
    return adaptiveRate(redis, key, options);
  };

  afterAll(async () => {
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("starts at the ceiling, halves once per cooldown, and never below the floor", async () => {
    const rate = rateAt({ ceiling: 1000, floor: 300, cooldownMs: 200 });
    expect(await rate.perMinute()).toBe(1000);
    expect(await rate.rateLimited(Date.now())).toEqual({ perMinute: 500, reason: "rate limited" });
    expect(await rate.rateLimited(Date.now())).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await rate.rateLimited(Date.now())).toEqual({ perMinute: 300, reason: "rate limited" });
    expect(await rate.perMinute()).toBe(300);
  });

  it("ignores a 429 to a request sent before the last halving", async () => {
    const rate = rateAt({ ceiling: 1000, floor: 10, cooldownMs: 0 });
    const sentBefore = Date.now() - 10;
    await rate.rateLimited(Date.now());
    expect(await rate.rateLimited(sentBefore)).toBeUndefined();
    expect(await rate.perMinute()).toBe(500);
  });

  it("doubles back after a run of successes up to 90 % of the rate that drew the last 429, and stays there", async () => {
    const rate = rateAt({ ceiling: 2000, floor: 10, cooldownMs: 0 });
    await rate.rateLimited(Date.now());
    await rate.rateLimited(Date.now() + 1);
    expect(await rate.perMinute()).toBe(500);
    const run = async () => {
      const changes = [];
      for (let index = 0; index < ADAPTIVE_RUN; index++) changes.push(await rate.succeeded());
      return changes.filter((change) => change !== undefined);
    };
    expect(await run()).toEqual([{ perMinute: 900, reason: "grown" }]);
    // At 90 % of the 1000 that drew the last 429 it stays, the cap creeping up 0.2 % a run.
    expect(await run()).toEqual([]);
    expect(await rate.perMinute()).toBe(900);
    // A 429 at that cap lowers it to 90 % of the rate that drew this one.
    await rate.rateLimited(Date.now() + 2);
    expect(await run()).toEqual([{ perMinute: 810, reason: "grown" }]);
  });
});
