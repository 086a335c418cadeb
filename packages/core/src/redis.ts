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

/**
 * Resolves once the connection is ready, or after `timeoutMs` either way: an app starts even when
 * Redis is down (its health check says so) but does not answer its first requests before it is up.
 */
export async function redisReady(redis: Redis, timeoutMs = 5_000): Promise<boolean> {
  if (redis.status === "ready") return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once("ready", onReady);
  });
}
