import { tradingDaysBetween, type CorporateActionRow, type PriceBarRow, type Provider } from "@kabuto/core";
import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import { corporateActionRepository } from "../prices/corporate-action.repository";
import { upsertPriceBars } from "../prices/price-bar.repository";
import { qualityCheckRepository, type QualityScope } from "./quality-check.repository";
import { readQualityIssues } from "./quality-issue.query";

/** November 2025: 11-03 is Culture Day (closed); the range's other weekdays trade. */
const DAYS = tradingDaysBetween("2025-11-04", "2025-11-14");

function bar(source: Provider, symbol: string, date: string, close: number | null, extra: Partial<PriceBarRow> = {}) {
  return {
    source,
    symbol,
    interval: "1d",
    ts: new Date(`${date}T00:00:00Z`),
    open: close,
    high: close === null ? null : close + 10,
    low: close === null ? null : close - 10,
    close,
    volume: close === null ? null : 1000,
    turnover: null,
    ...extra,
  } satisfies PriceBarRow;
}

const series = (symbol: string, close: (date: string) => number | null, days = DAYS) =>
  days.map((date) => bar("yahoo", symbol, date, close(date)));

const BARS: PriceBarRow[] = [
  // 7203.T: high below low on 11-06, no bar on 11-11 although the others have one, and a J-Quants
  // close 1 % off Yahoo's on 11-05 (0.3 % on 11-07 is within tolerance).
  ...series("7203.T", () => 3000).filter((row) => row.ts.toISOString() !== "2025-11-11T00:00:00.000Z"),
  bar("yahoo", "7203.T", "2025-11-06", 3000, { high: 2990, low: 3010 }),
  bar("jquants", "7203.T", "2025-11-04", 3000),
  bar("jquants", "7203.T", "2025-11-05", 3030),
  bar("jquants", "7203.T", "2025-11-07", 3009),
  // 6758.T: halves on its 2:1 split day 11-10 (not an issue), then +40 % on 11-13 with no action.
  ...series("6758.T", (date) => (date < "2025-11-10" ? 4000 : date < "2025-11-13" ? 2000 : 2800)),
  // 9984.T: a bar on the holiday 11-03, a zero close on 11-07, a negative volume on 11-10.
  bar("yahoo", "9984.T", "2025-11-03", 9000),
  ...series("9984.T", () => 9000),
  bar("yahoo", "9984.T", "2025-11-07", 0, { open: 9000, high: 9000, low: 0 }),
  bar("yahoo", "9984.T", "2025-11-10", 9000, { volume: -5 }),
  // 8306.T: halted on 11-12 (J-Quants stored the day without prices; Yahoo sent nothing).
  ...series("8306.T", () => 1800).filter((row) => row.ts.toISOString() !== "2025-11-12T00:00:00.000Z"),
  bar("jquants", "8306.T", "2025-11-12", null),
  // 1301.T: delisted (inactive in the master); its gap is not reported.
  ...series("1301.T", () => 4500).filter((row) => row.ts.toISOString() !== "2025-11-11T00:00:00.000Z"),
];

const ACTIONS: CorporateActionRow[] = [
  { source: "yahoo", symbol: "6758.T", kind: "split", exDate: "2025-11-10", ratio: 2 },
];

const EXPECTED = [
  ["cross_source_mismatch", "7203.T", "2025-11-05"],
  ["missing_trading_day", "7203.T", "2025-11-11"],
  ["negative_volume", "9984.T", "2025-11-10"],
  ["non_positive_price", "9984.T", "2025-11-07"],
  ["non_trading_day", "9984.T", "2025-11-03"],
  ["ohlc_inconsistent", "7203.T", "2025-11-06"],
  ["price_jump", "6758.T", "2025-11-13"],
];

describe("the quality checks' SQL over crafted bars (real PostgreSQL)", () => {
  let db: TestDatabase;
  let checks: ReturnType<typeof qualityCheckRepository>;

  const scope = (overrides: Partial<QualityScope> = {}): QualityScope => {
    const range = { from: overrides.from ?? "2025-11-03", to: overrides.to ?? "2025-11-14" };
    return {
      source: "yahoo",
      symbols: undefined,
      ...range,
      tradingDays: tradingDaysBetween(range.from, range.to),
      ...overrides,
    };
  };

  async function runAll(runId: string, overrides: Partial<QualityScope> = {}) {
    await checks.create({
      id: runId,
      source: "yahoo",
      symbols: overrides.symbols,
      from: "2025-11-03",
      to: "2025-11-14",
    });
    await checks.runSingleSourceChecks(runId, scope(overrides));
    await checks.runCrossSourceCheck(runId, scope(overrides));
    await checks.complete(runId);
  }

  async function found(runId: string) {
    const { issues } = await readQualityIssues(db.prisma, { batchId: runId, limit: 1000 });
    return issues.map((issue) => [issue.check, issue.symbol, issue.date.toISOString().slice(0, 10)]).sort();
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    checks = qualityCheckRepository(db.prisma, db.pool);
    await db.prisma.company.createMany({
      data: ["7203", "6758", "9984", "8306", "1301"].map((code) => ({
        code,
        companyName: code,
        source: "jpx" as const,
        isActive: code !== "1301",
      })),
    });
    await upsertPriceBars(db.pool, BARS);
    await corporateActionRepository(db.pool).upsert(ACTIONS);
  });

  afterAll(async () => {
    await db.drop();
  });

  it("lists each crafted issue under its check, symbol and day, and nothing else", async () => {
    await runAll("run-all");
    expect(await found("run-all")).toEqual(EXPECTED);
  });

  it("does not report the halving on a split's ex-date as a jump", async () => {
    const { issues } = await readQualityIssues(db.prisma, { batchId: "run-all", check: "price_jump", limit: 10 });
    expect(issues.map((issue) => issue.date.toISOString().slice(0, 10))).toEqual(["2025-11-13"]);
    expect(issues[0]!.detail).toEqual({ close: 2800, prev_close: 2000, change: 0.4 });
  });

  it("finds the same issues again when re-run, never twice", async () => {
    await checks.runSingleSourceChecks("run-all", scope());
    await checks.runCrossSourceCheck("run-all", scope());
    expect(await found("run-all")).toEqual(EXPECTED);
    expect((await checks.countsByRun(["run-all"])).get("run-all")).toMatchObject({
      price_jump: 1,
      ohlc_inconsistent: 1,
    });
  });

  it("compares a range's first bar with the close stored before the range", async () => {
    await runAll("run-late", { from: "2025-11-13", to: "2025-11-14" });
    expect(await found("run-late")).toEqual([["price_jump", "6758.T", "2025-11-13"]]);
  });

  it("checks only the symbols asked for", async () => {
    await runAll("run-one", { symbols: ["9984.T"] });
    expect((await found("run-one")).map(([check]) => check)).toEqual([
      "negative_volume",
      "non_positive_price",
      "non_trading_day",
    ]);
  });

  it("counts every check of a completed run, zeros included, and leaves out runs not completed", async () => {
    await checks.create({
      id: "run-queued",
      source: "yahoo",
      symbols: undefined,
      from: "2025-11-03",
      to: "2025-11-14",
    });
    const counts = await checks.countsByRun(["run-one", "run-queued", "unknown"]);
    expect([...counts.keys()]).toEqual(["run-one"]);
    expect(counts.get("run-one")).toEqual({
      ohlc_inconsistent: 0,
      non_positive_price: 1,
      negative_volume: 1,
      price_jump: 0,
      missing_trading_day: 0,
      non_trading_day: 1,
      cross_source_mismatch: 0,
    });
  });
});
