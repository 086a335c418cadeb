import { createServer } from "node:http";

import request from "supertest";

import { healthResponseSchema } from "@kabuto/contract";
import { closeServer, listen } from "@kabuto/core";
import { createDatabase, type Database } from "@kabuto/db";
import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp } from "../app";
import { loadGatewayConfig } from "../env";

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server, 0, "127.0.0.1");
  await closeServer(server);
  return port;
}

describe("GET /health (real Redis; PostgreSQL real or unreachable)", () => {
  let redis: TestRedis;
  let queues: QueueRepository;
  let healthy: TestDatabase;
  let unreachable: Database;
  let unreachableUrl: string;
  const logger = testLogger();

  const appWith = (db: Database, url: string) =>
    createApp({
      config: loadGatewayConfig({ DATABASE_URL: url, QUEUE_PREFIX: redis.prefix }),
      logger,
      db,
      redis: redis.connection,
      queues,
      onScheduleChanged: async () => undefined,
    });

  beforeAll(async () => {
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    healthy = await createTestDatabase();
    unreachableUrl = `postgresql://health-user:health-secret@127.0.0.1:${await closedPort()}/health_db`;
    unreachable = createDatabase(unreachableUrl);
  });

  afterAll(async () => {
    await unreachable.close();
    await healthy.drop();
    await queues.close();
    await redis.cleanup();
  });

  it("answers 200 with both checks ok when PostgreSQL and Redis answer", async () => {
    const response = await request(appWith(healthy, healthy.url)).get("/health").expect(200);
    expect(response.body).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });
  });

  it("answers 503 'unreachable' without the driver's text, and logs the reason", async () => {
    const warn = jest.spyOn(logger, "warn");
    const response = await request(appWith(unreachable, unreachableUrl)).get("/health").expect(503);
    expect(response.body).toEqual({ status: "degraded", checks: { database: "unreachable", redis: "ok" } });
    expect(healthResponseSchema.parse(response.body)).toEqual(response.body);
    const port = new URL(unreachableUrl).port;
    for (const leak of ["ECONNREFUSED", "127.0.0.1", port, "health-user", "health-secret", "health_db"]) {
      expect(response.text).not.toContain(leak);
    }
    expect(warn).toHaveBeenCalledWith(
      "health check failed",
      expect.objectContaining({ check: "database", error: expect.stringContaining("ECONNREFUSED") }),
    );
  });
});
