import { createTestRedis } from "@kabuto/testkit";

import { createRunLock, runLockKey } from "./run-lock";

describe("run lock on the real Redis", () => {
  const redis = createTestRedis();

  afterAll(() => redis.cleanup());

  it("grants a concurrent occurrence to one replica only, and records who holds it", async () => {
    const at = new Date("2026-06-01T02:30:00Z");
    const locks = ["a", "b", "c", "d"].map((owner) =>
      createRunLock({ store: redis.connection, prefix: redis.prefix, owner }),
    );
    const claims = await Promise.all(locks.map((lock) => lock.acquire("master_sync", at)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const key = runLockKey(redis.prefix, "master_sync", at);
    expect(await redis.connection.get(key)).toBe(["a", "b", "c", "d"][claims.indexOf(true)]);
    expect(await redis.connection.pttl(key)).toBeGreaterThan(59 * 60_000);
  });
});
