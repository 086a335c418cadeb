import { createServer, type Server, type ServerResponse } from "node:http";

import { listen } from "@kabuto/core";
import { applyListingSnapshot } from "@kabuto/db";
import { MARKETS } from "@kabuto/providers";
import { createTestDatabase, testLogger, type TestDatabase } from "@kabuto/testkit";

import { createListingSources } from "./listing-sources";
import { createMasterSyncService } from "./master-sync.service";

type Answer = (response: ServerResponse) => void;

describe("master sync failures leave companies unchanged (real PostgreSQL, real HTTP)", () => {
  let db: TestDatabase;
  let server: Server;
  let baseUrl: string;
  let answer: Answer = () => undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = createServer((_request, response) => answer(response));
    baseUrl = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
    const listing = {
      companyName: "極洋",
      companyNameEnglish: null,
      marketCode: "0111",
      marketName: "プライム",
      sector17Code: "1",
      sector17Name: "食品",
      sector33Code: "0050",
      sector33Name: "水産・農林業",
      scaleCode: "7",
      scaleCategory: "TOPIX Small 2",
      marginCode: null,
      referenceDate: "2025-09-30",
    };
    await applyListingSnapshot(db.pool, { listings: [{ code: "1301", ...listing }], markets: MARKETS }, "jpx");
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  const service = () =>
    createMasterSyncService({
      db,
      logger: testLogger(),
      publish: async () => undefined,
      sources: createListingSources({
        prisma: db.prisma,
        jpxListUrl: `${baseUrl}/data_j.xls`,
        jquantsBaseUrl: `${baseUrl}/v2`,
        timeoutMs: 500,
        encryptionKey: undefined,
      }),
    });

  async function failedRun(source: "jpx" | "jquants" = "jpx") {
    const before = await db.prisma.company.findMany({ orderBy: { code: "asc" } });
    const run = await db.prisma.masterSyncRun.create({ data: { trigger: "manual", source, status: "queued" } });
    await expect(service().run({ runId: run.id, trigger: "manual", source })).rejects.toThrow();
    expect(await db.prisma.company.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    return db.prisma.masterSyncRun.findUniqueOrThrow({ where: { id: run.id } });
  }

  it("an HTML error page instead of the xls", async () => {
    answer = (response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<html><body>メンテナンス中</body></html>");
    const run = await failedRun();
    expect(run).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/not a legacy \.xls \(it starts with "<html>/),
    });
    expect(run.completedAt).not.toBeNull();
  });

  it("a corrupted xls", async () => {
    answer = (response) => response.end(Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(2048, 1)]));
    expect((await failedRun()).error).toMatch(/^JPX file/);
  });

  it("a download that times out", async () => {
    answer = () => undefined;
    expect((await failedRun()).error).toMatch(/JPX data_j\.xls download: ECONNABORTED/);
  });

  it("a server error", async () => {
    answer = (response) => response.writeHead(503).end();
    expect((await failedRun()).error).toBe("JPX data_j.xls download: HTTP 503");
  });

  it("a scheduled attempt with attempts left queues the run again with the reason; its last one fails it", async () => {
    answer = (response) => response.writeHead(503).end();
    const run = await db.prisma.masterSyncRun.create({
      data: { trigger: "scheduled", source: "jpx", status: "queued" },
    });
    const payload = { runId: run.id, trigger: "scheduled" as const, source: "jpx" as const };
    await expect(service().run(payload, { attemptsMade: 0, opts: { attempts: 4 } })).rejects.toThrow();
    expect(await db.prisma.masterSyncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "queued",
      error: "attempt 1 failed, will retry: JPX data_j.xls download: HTTP 503",
      completedAt: null,
    });
    await expect(service().run(payload, { attemptsMade: 3, opts: { attempts: 4 } })).rejects.toThrow();
    expect(await db.prisma.masterSyncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "failed",
      error: "JPX data_j.xls download: HTTP 503",
    });
  });

  it("a J-Quants sync without a stored key", async () => {
    expect((await failedRun("jquants")).error).toMatch(/no J-Quants API key is set/);
  });
});
