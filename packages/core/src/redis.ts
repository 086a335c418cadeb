import { Redis } from "ioredis";

/**
 * Producers fail fast (a request while Redis is down rejects at once, so the API can answer 503);
 * workers wait for Redis to come back (BullMQ requires `maxRetriesPerRequest: null` for them).
 */
export type RedisRole = "producer" | "worker";

/** Opens an ioredis connection with the options its role needs. */
export function createRedis(url: string, role: RedisRole): Redis {
  return role === "producer"
    ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : new Redis(url, { maxRetriesPerRequest: null });
}
