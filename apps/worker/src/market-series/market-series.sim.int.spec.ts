import { createServer, type Server } from "node:http";

import { PermanentError, UpstreamRateLimitError, listen } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { JQuantsClient } from "@kabuto/providers";
import { createTestDatabase, simulatorPages, testLogger, type TestDatabase } from "@kabuto/testkit";

import { marketSeriesProcessor } from "./market-series.processor";
import { createMarketSeriesService } from "./market-series.service";

/** J-Quants' column prefix of each of Kabuto's investor categories, as the J-Quants v2 reference lists them. */
const JQUANTS_PREFIX = {
  proprietary: "Prop",
  brokerage: "Brk",
  total: "Tot",
  individuals: "Ind",
  foreigners: "Frgn",
  securities_companies: "SecCo",
  investment_trusts: "InvTr",
  business_companies: "BusCo",
  other_companies: "OthCo",
  insurance_companies: "InsCo",
  banks: "Bank",
  trust_banks: "TrstBnk",
  other_financials: "OthFin",
};

describe("TOPIX and investor types from the J-Quants simulator (real PostgreSQL)", () => {
  jest.setTimeout(60_000);
  let sim: MarketSim;
  let db: TestDatabase;
  let client: JQuantsClient;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 5, jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" } });
    db = await createTestDatabase();
    client = new JQuantsClient({ baseUrl: sim.jquantsBaseUrl, apiKey: DEFAULT_JQUANTS_KEY, timeoutMs: 10_000 });
  });

  afterAll(async () => {
    await db.drop();
    await sim.close();
  });

  const simulated = (path: string) => simulatorPages(sim, DEFAULT_JQUANTS_KEY, path);

  it("fetches every page of TOPIX over five years, exactly as J-Quants answers", async () => {
    const range = { from: "2021-11-01", to: "2026-10-30" };
    const before = (await sim.requests())["jquants:/v2/indices/bars/daily/topix"] ?? 0;
    const bars = await client.fetchTopix(range);
    const requests = (await sim.requests())["jquants:/v2/indices/bars/daily/topix"]! - before;
    expect(bars.length).toBeGreaterThan(1000);
    expect(requests).toBe(Math.ceil(bars.length / 1000));
    const rows = await simulated(`/indices/bars/daily/topix?from=${range.from}&to=${range.to}`);
    expect(bars).toEqual(
      rows.map((row) => ({ indexCode: "TOPIX", date: row.Date, open: row.O, high: row.H, low: row.L, close: row.C })),
    );
  });

  it("fetches every section's weeks published in the range, each J-Quants column under its Kabuto name", async () => {
    const range = { from: "2021-01-01", to: "2026-10-30" };
    const weeks = await client.fetchInvestorTypes(range);
    const rows = await simulated(`/equities/investor-types?from=${range.from}&to=${range.to}`);
    expect(rows.length).toBeGreaterThan(1000);
    expect(weeks).toHaveLength(rows.length);
    weeks.forEach((week, index) => {
      const row = rows[index]!;
      expect(week).toMatchObject({
        section: row.Section,
        publishedDate: row.PubDate,
        startDate: row.StDate,
        endDate: row.EnDate,
      });
      for (const [category, prefix] of Object.entries(JQUANTS_PREFIX)) {
        expect(week.trading[category as keyof typeof JQUANTS_PREFIX]).toEqual({
          sell: row[`${prefix}Sell`],
          buy: row[`${prefix}Buy`],
          total: row[`${prefix}Tot`],
          balance: row[`${prefix}Bal`],
        });
      }
    });
  });

  it("stores a range idempotently: a second run writes the same rows again and adds none", async () => {
    const service = createMarketSeriesService({ db, logger: testLogger(), jquants: async () => client });
    const range = { from: "2026-09-01", to: "2026-10-30" };
    const first = await service.store(range);
    expect(first.topixBars).toBeGreaterThan(30);
    expect(first.investorTypes).toBeGreaterThanOrEqual(4 * 8);
    expect(await service.store(range)).toEqual(first);
    expect(await db.prisma.indexBar.count()).toBe(first.topixBars);
    expect(await db.prisma.investorType.count()).toBe(first.investorTypes);
  });

  it("logs a failed fetch with its batch and rethrows it, so the queue retries or holds", async () => {
    const logger = testLogger();
    const warn = jest.spyOn(logger, "warn");
    const limited = new UpstreamRateLimitError("J-Quants /indices/bars/daily/topix: 429", { retryAfterMs: 5_000 });
    const processor = marketSeriesProcessor(
      createMarketSeriesService({ db, logger, jquants: () => Promise.reject(limited) }),
    );
    const payload = { batchId: "job-7", from: "2026-11-02", to: "2026-11-06" };
    await expect(processor(payload, { attemptsMade: 2, opts: { attempts: 6 } })).rejects.toBe(limited);
    expect(warn.mock.calls).toEqual([
      [
        "TOPIX and investor types not stored",
        expect.objectContaining({ batch_id: "job-7", from: "2026-11-02", to: "2026-11-06", attempt: 3 }),
      ],
    ]);
  });

  it("refuses a malformed TOPIX row as permanent", async () => {
    const server: Server = createServer((_request, response) =>
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ data: [{ Date: "2026-11-02", O: "3000", H: 3010, L: 2990, C: 3005 }] })),
    );
    try {
      const port = await listen(server, 0, "127.0.0.1");
      const broken = new JQuantsClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k", timeoutMs: 2_000 });
      const failure = broken.fetchTopix({ from: "2026-11-02", to: "2026-11-02" });
      await expect(failure).rejects.toThrow(PermanentError);
      await expect(failure).rejects.toThrow(/row 1 is malformed/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
