import { TemporaryError, isTradingDay } from "@kabuto/core";
import { tradingCalendarRepository } from "@kabuto/db";
import type { JQuantsCalendarDay, JQuantsClient } from "@kabuto/providers";
import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import { createTradingCalendar } from "./trading-calendar";

const DAY_MS = 86_400_000;

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS)
    dates.push(new Date(time).toISOString().slice(0, 10));
  return dates;
}

/** A J-Quants stand-in: the rules' calendar up to `horizon`, with `overrides`; counts requests. */
function fakeJQuants(options: { horizon: string; overrides?: Record<string, boolean>; failing?: () => boolean }) {
  const requests: { from: string; to: string }[] = [];
  const client = {
    async fetchCalendar(window: { from: string; to: string }): Promise<JQuantsCalendarDay[]> {
      requests.push(window);
      if (options.failing?.()) throw new TemporaryError("J-Quants /markets/calendar: HTTP 503");
      const to = window.to < options.horizon ? window.to : options.horizon;
      if (to < window.from) return [];
      return datesBetween(window.from, to).map((date) => {
        const trading = options.overrides?.[date] ?? isTradingDay(date);
        return { date, isTradingDay: trading, holDiv: trading ? "1" : "0" };
      });
    },
  } as unknown as JQuantsClient;
  return { client, requests };
}

describe("the trading calendar service (stored J-Quants days, the rules elsewhere)", () => {
  let db: TestDatabase;
  const now = new Date("2026-06-15T03:00:00Z");

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(() => db.pool.query("TRUNCATE trading_calendar"));

  it("answers from the rules, stores nothing and asks no one without a key", async () => {
    const calendar = createTradingCalendar({ pool: db.pool, jquants: async () => undefined, now: () => now });
    const window = await calendar.window("2020-07-20", "2020-07-26");
    expect(window.source).toBe("rules");
    expect(window.days.filter((day) => day.isTradingDay).map((day) => day.date)).toEqual([
      "2020-07-20",
      "2020-07-21",
      "2020-07-22",
    ]);
    expect(await tradingCalendarRepository(db.pool).days("2000-01-01", "2099-12-31")).toEqual([]);
  });

  it("fetches each year once, whole, stores it, and answers J-Quants' days from storage", async () => {
    // 2020-10-01: the day the exchange's system failed; say J-Quants calls it closed, to see who answers
    const jquants = fakeJQuants({ horizon: "2027-12-31", overrides: { "2020-10-01": false } });
    const warn = jest.fn();
    const calendar = createTradingCalendar({
      pool: db.pool,
      jquants: async () => jquants.client,
      now: () => now,
      logger: { warn },
    });

    const first = await calendar.window("2020-09-28", "2020-10-02");
    expect(first.source).toBe("jquants");
    expect(first.days.filter((day) => !day.isTradingDay).map((day) => day.date)).toEqual(["2020-10-01"]);
    expect(jquants.requests).toEqual([{ from: "2020-01-01", to: "2020-12-31" }]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/disagree/),
      expect.objectContaining({ dates: ["2020-10-01"] }),
    );

    const stored = await tradingCalendarRepository(db.pool).days("2020-01-01", "2020-12-31");
    expect(stored).toHaveLength(366);
    expect(new Set(stored.map((day) => day.source))).toEqual(new Set(["jquants"]));

    await calendar.window("2020-01-01", "2020-12-31");
    await calendar.window("2020-03-01", "2021-02-01");
    expect(jquants.requests).toEqual([
      { from: "2020-01-01", to: "2020-12-31" },
      { from: "2021-01-01", to: "2021-12-31" },
    ]);
  });

  it("stores the rules for the days past J-Quants' horizon, never asks past next year, and says mixed", async () => {
    const jquants = fakeJQuants({ horizon: "2026-12-31" });
    const calendar = createTradingCalendar({ pool: db.pool, jquants: async () => jquants.client, now: () => now });
    const window = await calendar.window("2026-12-28", "2028-01-05");
    expect(window.source).toBe("mixed");
    expect(jquants.requests.map((request) => request.from)).toEqual(["2026-01-01", "2027-01-01"]);
    const stored = await tradingCalendarRepository(db.pool).days("2026-01-01", "2028-12-31");
    expect(stored.filter((day) => day.source === "jquants")).toHaveLength(365);
    expect(stored.filter((day) => day.source === "rules")).toHaveLength(365); // 2027, not 2028
    expect(window.days.find((day) => day.date === "2027-01-04")).toEqual({ date: "2027-01-04", isTradingDay: true });
    expect((await calendar.window("2028-01-01", "2028-01-31")).source).toBe("rules");
    expect(jquants.requests).toHaveLength(2);
  });

  it("asks again for this year and next a day later, never again for a past year", async () => {
    const jquants = fakeJQuants({ horizon: "2027-12-31" });
    let clock = now.getTime();
    const calendar = createTradingCalendar({
      pool: db.pool,
      jquants: async () => jquants.client,
      now: () => new Date(clock),
    });
    await calendar.window("2025-01-01", "2027-12-31");
    expect(jquants.requests).toHaveLength(3);
    clock += 25 * 60 * 60 * 1000;
    await calendar.window("2025-01-01", "2027-12-31");
    expect(jquants.requests.map((request) => request.from)).toEqual([
      "2025-01-01",
      "2026-01-01",
      "2027-01-01",
      "2026-01-01",
      "2027-01-01",
    ]);
  });

  it("answers from the rules when J-Quants fails, and does not ask again at once", async () => {
    let failing = true;
    const jquants = fakeJQuants({ horizon: "2027-12-31", failing: () => failing });
    const warn = jest.fn();
    const calendar = createTradingCalendar({
      pool: db.pool,
      jquants: async () => jquants.client,
      now: () => now,
      logger: { warn },
    });
    const window = await calendar.window("2019-04-26", "2019-05-07");
    expect(window.source).toBe("rules");
    expect(window.days.filter((day) => day.isTradingDay).map((day) => day.date)).toEqual(["2019-04-26", "2019-05-07"]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not fetched/), expect.objectContaining({ year: 2019 }));
    failing = false;
    await calendar.window("2019-04-26", "2019-05-07");
    expect(jquants.requests).toHaveLength(1);
    expect(await tradingCalendarRepository(db.pool).days("2019-01-01", "2019-12-31")).toEqual([]);
  });

  it("shares one request among concurrent windows of the same year", async () => {
    const jquants = fakeJQuants({ horizon: "2027-12-31" });
    const calendar = createTradingCalendar({ pool: db.pool, jquants: async () => jquants.client, now: () => now });
    const windows = await Promise.all([
      calendar.window("2018-01-01", "2018-03-31"),
      calendar.window("2018-06-01", "2018-06-30"),
      calendar.window("2018-12-01", "2018-12-31"),
    ]);
    expect(windows.map((window) => window.source)).toEqual(["jquants", "jquants", "jquants"]);
    expect(jquants.requests).toHaveLength(1);
  });
});
