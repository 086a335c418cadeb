import { z } from "zod";

import { COMMON_ENV, DATABASE_ENV, DEFAULT_DATABASE_URL, REDIS_ENV, baseConfig, parseEnv, portSchema } from "./env";
import { ConfigError } from "./errors";

describe("parseEnv", () => {
  const shape = { ...COMMON_ENV, ...DATABASE_ENV, ...REDIS_ENV, PORT: portSchema.default(3000) };

  it("applies defaults for unset and empty variables", () => {
    const env = parseEnv(shape, { DATABASE_URL: "", PORT: undefined });
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.PORT).toBe(3000);
    expect(env.QUEUE_PREFIX).toBe("kabuto");
  });

  it("coerces numbers from strings", () => {
    expect(parseEnv(shape, { PORT: "8080" }).PORT).toBe(8080);
  });

  it("fails with one line naming every bad variable, without echoing values", () => {
    const parse = () => parseEnv(shape, { DATABASE_URL: "nonsense", PORT: "99999", LOG_LEVEL: "loud" });
    expect(parse).toThrow(ConfigError);
    try {
      parse();
    } catch (error) {
      const message = (error as Error).message;
      expect(message.split("\n")).toHaveLength(1);
      expect(message).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
      expect(message).toMatch(/PORT must be between 0 and 65535/);
      expect(message).toMatch(/LOG_LEVEL/);
      expect(message).not.toMatch(/nonsense/);
    }
  });

  it("rejects a Redis URL with the wrong scheme", () => {
    expect(() => parseEnv(shape, { REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL must be a Redis URL/);
  });

  it("validates app-specific variables with their own messages", () => {
    const custom = { API_KEY: z.string().min(16, "must be at least 16 characters").optional() };
    expect(() => parseEnv(custom, { API_KEY: "short" })).toThrow(
      "Invalid configuration: API_KEY must be at least 16 characters",
    );
  });

  it("takes Redis Cluster nodes as host:port pairs, and makes the prefix a hash tag on a cluster", () => {
    const single = baseConfig(parseEnv(shape, {}));
    expect(single).toMatchObject({
      redis: { url: "redis://127.0.0.1:6379", clusterNodes: undefined },
      queuePrefix: "kabuto",
    });
    const cluster = baseConfig(parseEnv(shape, { REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-2:7001,[::1]:7002" }));
    expect(cluster.redis.clusterNodes).toEqual([
      { host: "10.0.0.1", port: 7000 },
      { host: "redis-2", port: 7001 },
      { host: "::1", port: 7002 },
    ]);
    expect(cluster.queuePrefix).toBe("{kabuto}");
    expect(() => parseEnv(shape, { REDIS_CLUSTER_NODES: "redis://10.0.0.1:7000" })).toThrow(
      /REDIS_CLUSTER_NODES.* must be host:port pairs/,
    );
  });
});
