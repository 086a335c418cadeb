import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import type { PriceBarRow } from "@kabuto/core";

import { upsertPriceBars } from "./price-bar.repository";

const bar = (day: number, close: number | null, overrides: Partial<PriceBarRow> = {}): PriceBarRow => ({
  source: "yahoo",
  symbol: "7203.T",
  interval: "1d",
  ts: new Date(Date.UTC(2026, 10, day)),
  open: close,
  high: close,
  low: close,
  close,
  volume: close === null ? null : 1_000_000,
  turnover: null,
  ...overrides,
});

describe("upsertPriceBars (real PostgreSQL)", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("stores bars once however often they are written, the newest values winning", async () => {
    await upsertPriceBars(db.pool, [bar(20, 3000), bar(21, 3010)]);
    await upsertPriceBars(db.pool, [bar(21, 3020), bar(24, 3030), bar(24, 3031)]);
    const rows = await db.prisma.priceBar.findMany({ where: { symbol: "7203.T" }, orderBy: { ts: "asc" } });
    expect(rows.map((row) => [row.ts.toISOString().slice(0, 10), row.close])).toEqual([
      ["2026-11-20", 3000],
      ["2026-11-21", 3020],
      ["2026-11-24", 3031],
    ]);
  });

  it("counts only new or changed rows as written, and leaves an unchanged row as it was", async () => {
    const stored = [bar(2, 100, { symbol: "UNCHANGED.T" }), bar(3, 101, { symbol: "UNCHANGED.T" })];
    expect(await upsertPriceBars(db.pool, stored)).toBe(2);
    const before = await db.prisma.priceBar.findMany({ where: { symbol: "UNCHANGED.T" }, orderBy: { ts: "asc" } });
    expect(await upsertPriceBars(db.pool, [...stored, bar(4, 102, { symbol: "UNCHANGED.T" })])).toBe(1);
    expect(await upsertPriceBars(db.pool, [bar(3, 101.5, { symbol: "UNCHANGED.T" })])).toBe(1);
    const after = await db.prisma.priceBar.findMany({ where: { symbol: "UNCHANGED.T" }, orderBy: { ts: "asc" } });
    expect(after.map((row) => row.close)).toEqual([100, 101.5, 102]);
    expect(after[0]!.updatedAt).toEqual(before[0]!.updatedAt);
  });

  it("keeps nulls as nulls and big volumes exactly", async () => {
    await upsertPriceBars(db.pool, [
      bar(25, null, { open: 1, symbol: "NULL.T" }),
      bar(26, 5, { symbol: "NULL.T", volume: 9_007_199_254 }),
    ]);
    const rows = await db.prisma.priceBar.findMany({ where: { symbol: "NULL.T" }, orderBy: { ts: "asc" } });
    expect(rows[0]).toMatchObject({ open: 1, close: null, volume: null, turnover: null });
    expect(rows[1]!.volume).toBe(9_007_199_254n);
  });

  it("keeps each source's bar of the same day side by side", async () => {
    await upsertPriceBars(db.pool, [
      bar(27, 4000, { symbol: "BOTH.T" }),
      bar(27, 4004, { symbol: "BOTH.T", source: "jquants" }),
    ]);
    const rows = await db.prisma.priceBar.findMany({ where: { symbol: "BOTH.T" }, orderBy: { source: "asc" } });
    expect(rows.map((row) => [row.source, row.close])).toEqual([
      ["yahoo", 4000],
      ["jquants", 4004],
    ]);
  });

  it("writes more rows than one statement holds", async () => {
    const many = Array.from({ length: 12_000 }, (_, index) => bar(1, index, { symbol: `S${index}.T` }));
    expect(await upsertPriceBars(db.pool, many)).toBe(12_000);
    expect(await db.prisma.priceBar.count({ where: { symbol: { startsWith: "S" } } })).toBe(12_000);
  });
});
