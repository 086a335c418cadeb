import { Cluster, Redis } from "ioredis";

/**
 * Producers fail fast (a request while Redis is down rejects at once, so the API can answer 503);
 * workers wait for Redis to come back (BullMQ requires `maxRetriesPerRequest: null` for them).
 */
export type RedisRole = "producer" | "worker";

/** One Redis server (`url`), or a Redis Cluster when `clusterNodes` lists some of its nodes. */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly { host: string; port: number }[] | undefined;
}

/**
 * Opens an ioredis connection with the options its role needs. A cluster connection is typed as
 * `Redis`: ioredis' Cluster answers every command Kabuto sends (strings, scripts, pub/sub,
 * transactions on one key) with the same signatures, and BullMQ takes either; the one method that
 * differs, `duplicate`, goes through {@link duplicateRedis}.
 */
export function createRedis({ url, clusterNodes }: RedisTarget, role: RedisRole): Redis {
  const options =
    role === "producer" ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null };
  if (!clusterNodes) return new Redis(url, options);
  const { enableOfflineQueue, ...redisOptions } = { enableOfflineQueue: true, ...options };
  return new Cluster([...clusterNodes], { enableOfflineQueue, redisOptions }) as unknown as Redis;
}

/** A new connection to the same server or cluster, with `options` for its nodes. */
export function duplicateRedis(
  connection: Redis,
  options: { enableOfflineQueue?: boolean; maxRetriesPerRequest?: number | null },
): Redis {
  if (!(connection instanceof Cluster)) return connection.duplicate(options);
  const { enableOfflineQueue, ...redisOptions } = options;
  const cluster = connection as Cluster;
  return cluster.duplicate(undefined, {
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    redisOptions: { ...cluster.options.redisOptions, ...redisOptions },
  }) as unknown as Redis;
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
