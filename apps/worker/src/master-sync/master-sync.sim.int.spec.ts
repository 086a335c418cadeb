import { randomBytes } from "node:crypto";

import { createSecretBox, type ProgressEvent } from "@kabuto/core";
import { dataSourceRepository } from "@kabuto/db";
import { startMarketSim, type MarketSim } from "@kabuto/market-sim";
import type { JobAttempt } from "@kabuto/queue";
import { createTestDatabase, testLogger, type TestDatabase } from "@kabuto/testkit";

import { createListingSources } from "./listing-sources";
import { createMasterSyncService } from "./master-sync.service";

describe("master sync against the market simulator (real PostgreSQL)", () => {
  jest.setTimeout(90_000);

  const encryptionKey = randomBytes(32);
  let sim: MarketSim;
  let db: TestDatabase;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 11, jquantsKeys: { "good-key": "premium" } });
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
    await sim.close();
  });

  const published: ProgressEvent[] = [];

  async function sync(
    source: "jpx" | "jquants",
    options: { force?: boolean; trigger?: "manual" | "scheduled"; job?: JobAttempt } = {},
  ) {
    const trigger = options.trigger ?? "manual";
    const service = createMasterSyncService({
      db,
      logger: testLogger(),
      publish: async (event) => published.push(event),
      sources: createListingSources({
        prisma: db.prisma,
        jpxListUrl: sim.jpxListUrl,
        jquantsBaseUrl: sim.jquantsBaseUrl,
        // The simulator builds data_j.xls in this process: on a loaded machine that alone takes seconds.
        timeoutMs: 30_000,
        encryptionKey,
      }),
    });
    const run = await db.prisma.masterSyncRun.create({ data: { trigger, source, status: "queued" } });
    await service
      .run({ runId: run.id, trigger, source, ...(options.force ? { force: true } : {}) }, options.job)
      .catch(() => undefined);
    return db.prisma.masterSyncRun.findUniqueOrThrow({ where: { id: run.id } });
  }

  const activeCodes = async () =>
    new Map(
      (await db.prisma.company.findMany({ where: { isActive: true } })).map((company) => [company.code, company]),
    );

  it("creates about 4,400 companies on the first JPX sync, then finds the day's adds, renames and removals", async () => {
    const first = await sync("jpx");
    expect(first).toMatchObject({ status: "completed", added: first.total, updated: 0, removed: 0 });
    expect(first.total).toBeGreaterThan(4300);
    expect(published.map((event) => [event.batch_id, event.unit, event.status, event.progress.total])).toEqual([
      [`master-sync-${first.id}`, "companies", "running", 0],
      [`master-sync-${first.id}`, "companies", "completed", first.total],
    ]);
    const before = await activeCodes();

    for (let day = 0; day < 20; day++) await sim.advanceDay();
    const second = await sync("jpx");
    const after = await activeCodes();
    const added = [...after.keys()].filter((code) => !before.has(code));
    const removed = [...before.keys()].filter((code) => !after.has(code));
    const renamed = [...after.keys()].filter(
      (code) => before.has(code) && before.get(code)!.companyName !== after.get(code)!.companyName,
    );
    expect(added.length).toBeGreaterThan(0);
    expect(removed.length).toBeGreaterThan(0);
    expect(second).toMatchObject({
      status: "completed",
      added: added.length,
      updated: renamed.length,
      removed: removed.length,
    });
    const gone = await db.prisma.company.findUniqueOrThrow({ where: { code: removed[0]! } });
    expect(gone.isActive).toBe(false);
  }, 90_000);

  it("reaches the same normal form from J-Quants, with English names", async () => {
    await dataSourceRepository(db.prisma).saveCredentials("jquants", {
      sealedApiKey: createSecretBox(encryptionKey).seal("good-key"),
      plan: "premium",
    });
    const jpx = await activeCodes();
    const run = await sync("jquants");
    expect(run).toMatchObject({ status: "completed", added: 0, removed: 0 });
    const jquants = await activeCodes();
    const comparable = ({
      companyName,
      marketCode,
      sector17Code,
      sector33Code,
      sector33Name,
      scaleCode,
      scaleCategory,
    }: typeof toyotaJpx) => ({
      companyName,
      marketCode,
      sector17Code,
      sector33Code,
      sector33Name,
      scaleCode,
      scaleCategory,
    });
    const toyotaJpx = jpx.get("7203")!;
    expect(comparable(jquants.get("7203")!)).toEqual(comparable(toyotaJpx));
    expect(jquants.get("7203")).toMatchObject({
      companyNameEnglish: "TOYOTA MOTOR CORPORATION",
      source: "jquants",
      marginCode: "2",
    });
    for (const code of ["130A", "25935", "1301"])
      expect(comparable(jquants.get(code)!)).toEqual(comparable(jpx.get(code)!));
  });

  it("fails a J-Quants sync with a revoked key, with the reason, changing nothing", async () => {
    const before = await db.prisma.company.count({ where: { isActive: true } });
    await sim.setJQuantsKey("good-key", null);
    const run = await sync("jquants");
    expect(run).toMatchObject({
      status: "failed",
      error: "J-Quants /equities/master: the API key was refused (HTTP 401)",
    });
    expect(await db.prisma.company.count({ where: { isActive: true } })).toBe(before);
  });

  it("refuses a listing that would deactivate more than 10 % of the active companies, changing nothing; forced, applies it", async () => {
    const listed = await db.prisma.company.count({ where: { isActive: true } });
    // Companies the simulator does not list: its next file leaves them out, as a truncated download would.
    const unlisted = Math.ceil(listed * 0.12);
    await db.pool.query(
      `INSERT INTO companies (code, company_name, is_active, source, updated_at)
       SELECT 'Z' || lpad(n::text, 4, '0'), '架空 ' || n, true, 'jpx', now() FROM generate_series(1, $1::int) AS n`,
      [unlisted],
    );
    const active = listed + unlisted;
    const before = await db.prisma.company.findMany({ orderBy: { code: "asc" } });
    const markets = await db.prisma.market.findMany({ orderBy: { code: "asc" } });

    // A scheduled attempt with retries left is refused for good: the same file would be refused again.
    const refused = await sync("jpx", { trigger: "scheduled", job: { attemptsMade: 0, opts: { attempts: 4 } } });
    expect(refused).toMatchObject({
      status: "failed",
      added: 0,
      removed: 0,
      error:
        `would deactivate ${unlisted.toLocaleString("en-US")} of ${active.toLocaleString("en-US")} active listings ` +
        `(${Math.round((unlisted / active) * 100)} %); refused as suspicious — force with {"force": true}`,
    });
    expect(await db.prisma.company.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    expect(await db.prisma.market.findMany({ orderBy: { code: "asc" } })).toEqual(markets);

    const forced = await sync("jpx", { force: true });
    expect(forced).toMatchObject({ status: "completed", removed: unlisted, total: listed });
    expect(await db.prisma.company.count({ where: { isActive: true } })).toBe(listed);
  });
});
