import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import { INVESTOR_CATEGORIES } from "@kabuto/contract";
import type { IndexBarRow, InvestorTypeRow } from "@kabuto/core";

import { readIndexBars, upsertIndexBars } from "./index-bar.repository";
import { readInvestorTypes, upsertInvestorTypes } from "./investor-type.repository";

const topix = (date: string, close: number): IndexBarRow => ({
  indexCode: "TOPIX",
  date,
  open: close - 1,
  high: close + 2,
  low: close - 3,
  close,
});

const week = (section: string, startDate: string, publishedDate: string, foreignersSell: number): InvestorTypeRow => ({
  section,
  publishedDate,
  startDate,
  endDate: new Date(Date.parse(`${startDate}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10),
  trading: Object.fromEntries(
    INVESTOR_CATEGORIES.map((category) => [
      category,
      category === "foreigners"
        ? { sell: foreignersSell, buy: 10, total: foreignersSell + 10, balance: 10 - foreignersSell }
        : { sell: 1, buy: 2, total: 3, balance: 1 },
    ]),
  ) as InvestorTypeRow["trading"],
});

describe("index_bars and investor_types (real PostgreSQL)", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("stores index bars once however often they are written, the last values winning", async () => {
    await upsertIndexBars(db.pool, [topix("2026-11-04", 3000), topix("2026-11-05", 3010)]);
    await upsertIndexBars(db.pool, [topix("2026-11-05", 3020), topix("2026-11-06", 3030), topix("2026-11-06", 3031)]);
    const page = await readIndexBars(db.prisma, { indexCode: "TOPIX", limit: 10 });
    expect(page).toEqual({
      rows: [topix("2026-11-04", 3000), topix("2026-11-05", 3020), topix("2026-11-06", 3031)],
      next: null,
    });
  });

  it("pages index bars by date within from/to, each page starting where `next` says", async () => {
    const first = await readIndexBars(db.prisma, {
      indexCode: "TOPIX",
      from: "2026-11-04",
      to: "2026-11-06",
      limit: 2,
    });
    expect(first.rows.map((bar) => bar.date)).toEqual(["2026-11-04", "2026-11-05"]);
    expect(first.next).toBe("2026-11-06");
    const second = await readIndexBars(db.prisma, {
      indexCode: "TOPIX",
      to: "2026-11-06",
      limit: 2,
      cursor: first.next!,
    });
    expect(second).toEqual({ rows: [topix("2026-11-06", 3031)], next: null });
    expect(
      (await readIndexBars(db.prisma, { indexCode: "TOPIX", from: "2026-11-05", to: "2026-11-05", limit: 5 })).rows,
    ).toEqual([topix("2026-11-05", 3020)]);
  });

  it("keeps one row per (section, week), the newer publication winning in any order", async () => {
    await upsertInvestorTypes(db.pool, [
      week("TSEPrime", "2026-11-02", "2026-11-12", 100),
      week("TSEPrime", "2026-11-02", "2026-11-19", 150),
      week("TSEGrowth", "2026-11-02", "2026-11-12", 5),
    ]);
    await upsertInvestorTypes(db.pool, [week("TSEPrime", "2026-11-02", "2026-11-12", 999)]);
    const stored = await readInvestorTypes(db.prisma, { limit: 10 });
    expect(stored.rows).toEqual([
      week("TSEGrowth", "2026-11-02", "2026-11-12", 5),
      week("TSEPrime", "2026-11-02", "2026-11-19", 150),
    ]);
    await upsertInvestorTypes(db.pool, [week("TSEPrime", "2026-11-02", "2026-11-26", 170)]);
    const revised = await readInvestorTypes(db.prisma, { section: "TSEPrime", limit: 10 });
    expect(revised.rows).toEqual([week("TSEPrime", "2026-11-02", "2026-11-26", 170)]);
  });

  it("pages weeks by start date then section, and selects them by publication date", async () => {
    await upsertInvestorTypes(db.pool, [
      week("TSEPrime", "2026-11-09", "2026-11-19", 200),
      week("TSEGrowth", "2026-11-09", "2026-11-19", 6),
    ]);
    const first = await readInvestorTypes(db.prisma, { limit: 3 });
    expect(first.rows.map((row) => `${row.startDate} ${row.section}`)).toEqual([
      "2026-11-02 TSEGrowth",
      "2026-11-02 TSEPrime",
      "2026-11-09 TSEGrowth",
    ]);
    expect(first.next).toBe("2026-11-09_TSEPrime_2026-11-13");
    const second = await readInvestorTypes(db.prisma, { limit: 3, cursor: first.next! });
    expect(second).toEqual({ rows: [week("TSEPrime", "2026-11-09", "2026-11-19", 200)], next: null });
    const published = await readInvestorTypes(db.prisma, { from: "2026-11-13", to: "2026-11-19", limit: 10 });
    expect(published.rows.map((row) => `${row.startDate} ${row.section}`)).toEqual([
      "2026-11-09 TSEGrowth",
      "2026-11-09 TSEPrime",
    ]);
  });
});
