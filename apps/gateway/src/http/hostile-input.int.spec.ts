import request from "supertest";

import { createQueueRepository, type QueueRepository } from "@kabuto/queue";
import { createTestDatabase, createTestRedis, testLogger, type TestDatabase, type TestRedis } from "@kabuto/testkit";

import { createApp, gatewayOpenApiDocument } from "../app";
import { loadGatewayConfig } from "../env";
import { HOSTILE_CASES } from "../testing/hostile-cases";
import { wrongMethodCases, type HostileCase } from "../testing/hostile-request";

const DOCUMENTED = Object.entries(gatewayOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
);
const CASES: readonly HostileCase[] = [
  ...HOSTILE_CASES,
  ...wrongMethodCases([...new Set(DOCUMENTED.map((operation) => operation.split(" ")[1]!))]),
];
const ERROR_CODES = { 400: "VALIDATION_ERROR", 404: "NOT_FOUND" } as const;
const CONTROL_CHARACTER = /\p{Cc}/u;

/** Company search for `q`, each % and _ a character: only the company whose name has them. */
const LITERAL_SEARCHES: readonly [string, string[]][] = [
  ["%", ["9999"]],
  ["_", ["9999"]],
  ["%_", ["9999"]],
  ["_%", []],
  ["\\", []],
  ["\\%", []],
];

describe("hostile input on every route (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: QueueRepository;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queues = createQueueRepository({ connection: redis.connection, prefix: redis.prefix, logger: testLogger() });
    app = createApp({
      config: loadGatewayConfig({ DATABASE_URL: db.url, QUEUE_PREFIX: redis.prefix, RATE_LIMIT_PER_MINUTE: "100000" }),
      logger: testLogger(),
      db,
      redis: redis.connection,
      queues,
      onScheduleChanged: async () => undefined,
    });
    await db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       VALUES ('7203', 'トヨタ自動車', true, 'jpx', now()), ('9999', '100%_ホールディングス', true, 'jpx', now())`,
    );
  });

  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await db.drop();
  });

  it("has cases for every documented operation, over 200 in all", () => {
    const covered = new Set(CASES.map((one) => `${one.method.toUpperCase()} ${one.route}`));
    expect(DOCUMENTED.filter((operation) => !covered.has(operation))).toEqual([]);
    expect(CASES.length + LITERAL_SEARCHES.length).toBeGreaterThanOrEqual(200);
  });

  it.each(CASES)("$name", async ({ method, url, body, status, sameAs }) => {
    let call = request(app)[method](url);
    if (body && "json" in body) call = call.send(body.json as object);
    if (body && "raw" in body) call = call.set("Content-Type", body.type).send(body.raw);
    const response = await call;

    expect(response.status).toBe(status);
    expect(response.text).not.toContain("\u0000");
    if (status === 200) {
      if (sameAs) expect(response.text).toBe((await request(app).get(sameAs)).text);
      return;
    }
    expect(response.body).toEqual({ success: false, error: ERROR_CODES[status], message: expect.any(String) });
    expect(response.body.message).not.toMatch(CONTROL_CHARACTER);
  });

  it.each(LITERAL_SEARCHES)("200: GET /api/v1/companies/search, q=%s matches as characters", async (q, codes) => {
    const response = await request(app).get("/api/v1/companies/search").query({ q }).expect(200);
    expect(response.body.companies.map((company: { code: string }) => company.code)).toEqual(codes);
  });

  it("leaves Object.prototype as it was", () => {
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
