import { createRunLock, runLockKey, type RunLockStore } from "./run-lock";

/** Redis' SET NX PX semantics, in memory, with a clock the test moves. */
function memoryStore() {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let now = 0;
  const store: RunLockStore & { advance(ms: number): void; ttlOf(key: string): number | undefined } = {
    async set(key, value, _expiry, ttlMs) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now) return null;
      entries.set(key, { value, expiresAt: now + ttlMs });
      return "OK";
    },
    advance(ms) {
      now += ms;
    },
    ttlOf(key) {
      const entry = entries.get(key);
      return entry ? entry.expiresAt - now : undefined;
    },
  };
  return store;
}

describe("runLockKey", () => {
  it("names the job and the scheduled minute in UTC, whatever the seconds", () => {
    const key = "kabuto:scheduler:run:master_sync:2026-06-01T02:30Z";
    expect(runLockKey("kabuto", "master_sync", new Date("2026-06-01T11:30:00+09:00"))).toBe(key);
    expect(runLockKey("kabuto", "master_sync", new Date("2026-06-01T02:30:59.999Z"))).toBe(key);
  });

  it("differs by job, minute and prefix", () => {
    const at = new Date("2026-06-01T02:30:00Z");
    const keys = [
      runLockKey("kabuto", "master_sync", at),
      runLockKey("kabuto", "daily_prices", at),
      runLockKey("kabuto", "master_sync", new Date("2026-06-01T02:31:00Z")),
      runLockKey("other", "master_sync", at),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("createRunLock", () => {
  const at = new Date("2026-06-01T02:30:00Z");

  it("lets exactly one replica claim an occurrence", async () => {
    const store = memoryStore();
    const replicas = ["a", "b", "c"].map((owner) => createRunLock({ store, prefix: "kabuto", owner }));
    const claims = await Promise.all(replicas.map((lock) => lock.acquire("master_sync", at)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("still refuses a replica that fires late within the lease", async () => {
    const store = memoryStore();
    expect(await createRunLock({ store, prefix: "kabuto", owner: "a" }).acquire("master_sync", at)).toBe(true);
    store.advance(5 * 60_000);
    expect(await createRunLock({ store, prefix: "kabuto", owner: "b" }).acquire("master_sync", at)).toBe(false);
  });

  it("leaves other jobs and the next day's occurrence free", async () => {
    const store = memoryStore();
    const lock = createRunLock({ store, prefix: "kabuto", owner: "a" });
    expect(await lock.acquire("master_sync", at)).toBe(true);
    expect(await lock.acquire("daily_prices", at)).toBe(true);
    expect(await lock.acquire("master_sync", new Date(at.getTime() + 24 * 3600_000))).toBe(true);
  });

  it("expires the claim after its lease (an hour unless told)", async () => {
    const store = memoryStore();
    await createRunLock({ store, prefix: "kabuto", owner: "a" }).acquire("master_sync", at);
    expect(store.ttlOf(runLockKey("kabuto", "master_sync", at))).toBe(3_600_000);
    await createRunLock({ store, prefix: "kabuto", owner: "a", ttlMs: 1_000 }).acquire("x", at);
    expect(store.ttlOf(runLockKey("kabuto", "x", at))).toBe(1_000);
  });
});
