import { lastStoredBar, priceUnitStore } from "@kabuto/batches";
import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { YahooChartClient, yahooSource, type PriceSource } from "@kabuto/providers";
import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

const CHART = "yahoo:/v8/finance/chart";

describe("incremental Yahoo units across a split: the actions are refreshed, never the history (real PostgreSQL, simulator)", () => {
  jest.setTimeout(60_000);
  let sim: MarketSim;
  let db: TestDatabase;
  let source: PriceSource;
  /** The simulator's trading date: Kabuto's clock in this test, 19:00 in Tokyo of that day. */
  let simDate: string;

  beforeAll(async () => {
    const today = tokyoDate(new Date());
    sim = await startMarketSim({ seed: 21, baseDate: isTradingDay(today) ? today : shiftTradingDays(today, -1) });
    db = await createTestDatabase();
    simDate = ((await (await fetch(`${sim.url}/__admin/state`)).json()) as { date: string }).date;
    source = yahooSource(
      new YahooChartClient({ baseUrl: sim.yahooBaseUrl, timeoutMs: 5_000 }),
      () => new Date(`${simDate}T19:00:00+09:00`),
    );
  });

  afterAll(async () => {
    await db?.drop();
    await sim?.close();
  });

  it("fetches each day from the last stored bar on, writes one row a day, and on the split day only its actions again", async () => {
    const upcoming = await sim.plannedSplits(shiftTradingDays(simDate, 1), shiftTradingDays(simDate, 60));
    const split = upcoming[0]!;
    expect(split).toBeDefined();
    const symbol = `${split.code}.T`;
    const store = priceUnitStore({ db, today: () => simDate });
    const lastBar = lastStoredBar(db);
    await store(source, await source.fetchUnit({ unit: symbol, interval: "1d", period: "3mo" }));
    const actionKeys = async () =>
      new Set(
        (await db.prisma.corporateAction.findMany({ where: { symbol } })).map(
          (action) => `${action.exDate.toISOString().slice(0, 10)} ${action.kind}`,
        ),
      );

    let dayBefore: { close: number | null } | undefined;
    while (simDate < split.date) {
      simDate = ((await sim.advanceDay()) as { date: string }).date;
      const since = await lastBar({ source: "yahoo", symbol, interval: "1d" });
      expect(since).toBe(shiftTradingDays(simDate, -1));
      const known = await actionKeys();
      if (simDate === split.date) {
        dayBefore = await db.prisma.priceBar.findFirstOrThrow({
          where: { symbol },
          orderBy: { ts: "desc" },
          select: { close: true },
        });
      }
      const before = (await sim.requests())[CHART] ?? 0;
      const fetched = await source.fetchUnit({ unit: symbol, interval: "1d", period: "5d", since });
      expect(fetched.bars.map((bar) => tokyoDate(bar.ts))).toEqual([since, simDate]);
      const shown = fetched.actions.some((action) => !known.has(`${action.exDate} ${action.kind}`));
      const work = await store(source, fetched);
      // a new action in the answer costs the symbol's action history once: one more request, never its bars
      expect([simDate, (await sim.requests())[CHART]! - before]).toEqual([simDate, shown ? 2 : 1]);
      expect([simDate, work.records]).toEqual([simDate, 1]);
    }

    expect(await actionKeys()).toContain(`${split.date} split`);
    const stored = await db.prisma.priceBar.findMany({ where: { symbol }, orderBy: { ts: "asc" } });
    expect(stored.at(-2)!.close).toBe(dayBefore!.close);
    const { rows } = await db.pool.query<{ close: number }>(
      `SELECT close FROM price_bars_adjusted('yahoo', $1, '1d', $2::timestamptz, $3::timestamptz, 'split', NULL, 2)`,
      [symbol, stored.at(-2)!.ts, stored.at(-2)!.ts],
    );
    expect(rows[0]!.close).toBeCloseTo(dayBefore!.close! / split.ratio, 6);
  });
});
