import type { CorporateActionRow, PriceBarRow } from "@kabuto/core";
import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import { corporateActionRepository } from "./corporate-action.repository";
import { readPriceBars, type PriceBarQuery } from "./price-bar.query";
import { upsertPriceBars } from "./price-bar.repository";

const day = (date: string, close: number, volume = 300): PriceBarRow => ({
  source: "yahoo",
  symbol: "6309.T",
  interval: "1d",
  ts: new Date(`${date}T00:00:00Z`),
  open: close,
  high: close + 30,
  low: close - 30,
  close,
  volume,
  turnover: null,
});

/** 6309.T in spring 2025: a 3:1 split and a ¥73 dividend, both ex on 2025-04-28. */
const BARS = [
  day("2025-04-24", 4180),
  day("2025-04-25", 4210),
  day("2025-04-28", 1378, 900),
  day("2025-04-30", 1383, 900),
];
const ACTIONS: CorporateActionRow[] = [
  { source: "yahoo", symbol: "6309.T", kind: "split", exDate: "2025-04-28", ratio: 3 },
  { source: "yahoo", symbol: "6309.T", kind: "dividend", exDate: "2025-04-28", amount: 73 },
];

describe("price_bars_adjusted, the one read path of prices (real PostgreSQL)", () => {
  let db: TestDatabase;
  const query = (overrides: Partial<PriceBarQuery> = {}): PriceBarQuery => ({
    source: "yahoo",
    symbol: "6309.T",
    interval: "1d",
    from: new Date("2025-01-01T00:00:00Z"),
    to: new Date("2025-12-31T00:00:00Z"),
    adjust: "split",
    limit: 100,
    ...overrides,
  });
  const closes = async (overrides: Partial<PriceBarQuery>) =>
    (await readPriceBars(db.pool, query(overrides))).bars.map((bar) => [
      bar.ts.toISOString().slice(0, 10),
      bar.close,
      bar.volume,
    ]);

  beforeAll(async () => {
    db = await createTestDatabase();
    await upsertPriceBars(db.pool, BARS);
    await corporateActionRepository(db.pool).upsert(ACTIONS);
  });

  afterAll(async () => {
    await db.drop();
  });

  it("reads prices as traded", async () => {
    expect(await closes({ adjust: "none" })).toEqual([
      ["2025-04-24", 4180, 300],
      ["2025-04-25", 4210, 300],
      ["2025-04-28", 1378, 900],
      ["2025-04-30", 1383, 900],
    ]);
  });

  it("adjusts the days before a split to today's shares, volume the inverse way", async () => {
    const bars = (await readPriceBars(db.pool, query())).bars;
    expect(bars[1]!.close).toBeCloseTo(4210 / 3, 9);
    expect(bars[1]!.high).toBeCloseTo(4240 / 3, 9);
    expect(bars[1]!.volume).toBeCloseTo(900, 9);
    expect(bars[2]).toMatchObject({ close: 1378, volume: 900 });
  });

  it("also takes dividends out like Yahoo's adjclose: 1 − dividend / the close before the ex-date", async () => {
    const bars = (await readPriceBars(db.pool, query({ adjust: "all" }))).bars;
    const factor = 1 - 73 / 4210;
    expect(bars[1]!.close).toBeCloseTo((4210 / 3) * factor, 6);
    expect(bars[2]!.close).toBe(1378);
  });

  it("pages with a cursor and says whether more bars follow", async () => {
    const first = await readPriceBars(db.pool, query({ limit: 3 }));
    expect(first.bars).toHaveLength(3);
    expect(first.more).toBe(true);
    const second = await readPriceBars(db.pool, query({ limit: 3, after: first.bars.at(-1)!.ts }));
    expect(second.bars.map((bar) => bar.ts.toISOString().slice(0, 10))).toEqual(["2025-04-30"]);
    expect(second.more).toBe(false);
  });

  it("brings a row migrated on a split basis to as traded, before and after its symbol is marked synced", async () => {
    await db.pool.query(
      `INSERT INTO price_bars (source, symbol, interval, ts, open, high, low, close, volume, split_basis)
       VALUES ('yahoo', '6309.T', '1d', '2025-04-23T00:00:00Z', 1390, 1400, 1380, 1395, 600, '2025-05-19')`,
    );
    expect((await closes({ adjust: "none" }))[0]).toEqual(["2025-04-23", 4185, 200]);
    expect((await readPriceBars(db.pool, query())).bars[0]!.close).toBeCloseTo(1395, 9);
    await corporateActionRepository(db.pool).markSynced("yahoo", "6309.T", "2025-05-19");
    const { rows } = await db.pool.query(
      "SELECT close, volume, split_basis FROM price_bars WHERE ts = '2025-04-23T00:00:00Z'",
    );
    expect(rows[0]).toMatchObject({ close: 4185, volume: "200", split_basis: null });
    expect((await closes({ adjust: "none" }))[0]).toEqual(["2025-04-23", 4185, 200]);
  });

  it("keeps the sources apart", async () => {
    expect(await closes({ source: "jquants" })).toEqual([]);
  });
});
