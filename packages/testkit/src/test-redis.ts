import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import { testServers } from "./test-env";

/** A Redis connection and a BullMQ prefix of its own for one test file. */
export interface TestRedis {
  connection: Redis;
  prefix: string;
  /** Deletes every key under the prefix and closes the connection. */
  cleanup(): Promise<void>;
}

export function createTestRedis(url = testServers().redisUrl): TestRedis {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const prefix = `t-${randomBytes(5).toString("hex")}`;
  return {
    connection,
    prefix,
    async cleanup() {
      let cursor = "0";
      do {
        const [next, keys] = await connection.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
        if (keys.length > 0) await connection.del(...keys);
        cursor = next;
      } while (cursor !== "0");
      // Not quit(): a command an app under test sends late (a trailing progress event) would make
      // QUIT's own answer race the closing socket and reject with "Connection is closed".
      connection.disconnect();
    },
  };
}
