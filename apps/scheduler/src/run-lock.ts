/** The one Redis command the lock needs (ioredis' `Redis` has it). */
export interface RunLockStore {
  set(key: string, value: string, expiry: "PX", ttlMs: number, mode: "NX"): Promise<"OK" | null>;
}

/**
 * Long enough to outlast any clock skew between replicas: a replica whose clock is late must still
 * find the claim when it gets to the same occurrence.
 */
export const RUN_LOCK_TTL_MS = 60 * 60 * 1000;

/** Claims scheduled occurrences so that, of every scheduler replica, exactly one runs each. */
export interface RunLock {
  /** True for the one caller that claims this job's occurrence at this minute, false for the rest. */
  acquire(jobName: string, scheduledAt: Date): Promise<boolean>;
}

/** The Redis key of one occurrence: the job name and the scheduled minute in UTC. */
export function runLockKey(prefix: string, jobName: string, scheduledAt: Date): string {
  const minute = new Date(Math.floor(scheduledAt.getTime() / 60_000) * 60_000);
  return `${prefix}:scheduler:run:${jobName}:${minute.toISOString().slice(0, 16)}Z`;
}

/**
 * A claim per occurrence with `SET key owner NX PX ttl`. Claims are never released: releasing after
 * the run would let a replica that fires a moment later run the same occurrence again.
 */
export function createRunLock(options: {
  store: RunLockStore;
  /** The installation's key prefix (QUEUE_PREFIX), so installations sharing a Redis stay apart. */
  prefix: string;
  /** Who holds a claim, for whoever inspects the key. */
  owner: string;
  ttlMs?: number;
}): RunLock {
  const ttlMs = options.ttlMs ?? RUN_LOCK_TTL_MS;
  return {
    async acquire(jobName, scheduledAt) {
      const key = runLockKey(options.prefix, jobName, scheduledAt);
      return (await options.store.set(key, options.owner, "PX", ttlMs, "NX")) === "OK";
    },
  };
}
