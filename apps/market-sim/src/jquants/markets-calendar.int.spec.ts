import { PermanentError, tradingDaysBetween } from "@kabuto/core";
import { JQuantsClient, calendarDayFromJQuants, jquantsCalendarRowSchema } from "@kabuto/providers";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "../market-sim";
import { calendarHorizon, holDivOf } from "./markets-calendar.routes";

interface Page {
  data: { Date: string; HolDiv: string }[];
  pagination_key?: string;
}

describe("simulated J-Quants v2 calendar", () => {
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 21, baseDate: "2026-11-20" });
  });

  afterAll(() => sim.close());

  const get = async (path: string) => {
    const response = await fetch(`${sim.jquantsBaseUrl}${path}`, { headers: { "x-api-key": DEFAULT_JQUANTS_KEY } });
    return { status: response.status, body: (await response.json()) as Page };
  };

  it("answers the TSE calendar, national holidays with OSE holiday trading as HolDiv 3", async () => {
    const { body } = await get("/markets/calendar?from=2026-11-21&to=2026-11-24");
    expect(body.data).toEqual([
      { Date: "2026-11-21", HolDiv: "0" },
      { Date: "2026-11-22", HolDiv: "0" },
      { Date: "2026-11-23", HolDiv: "3" },
      { Date: "2026-11-24", HolDiv: "1" },
    ]);
  });

  it("takes YYYYMMDD dates and filters by hol_div", async () => {
    const { body } = await get("/markets/calendar?from=20190426&to=20190507&hol_div=1");
    expect(body.data).toEqual([
      { Date: "2019-04-26", HolDiv: "1" },
      { Date: "2019-05-07", HolDiv: "1" },
    ]);
  });

  it("ends at the horizon J-Quants knows: next year's calendar from April", async () => {
    const { body } = await get("/markets/calendar?from=2027-12-30&to=2028-01-10");
    expect(body.data).toEqual([
      { Date: "2027-12-30", HolDiv: "1" },
      { Date: "2027-12-31", HolDiv: "0" },
    ]);
    expect(calendarHorizon("2026-03-31")).toBe("2026-12-31");
    expect(calendarHorizon("2026-04-01")).toBe("2027-12-31");
  });

  it("answers everything without bounds, and 400 for a date that does not exist", async () => {
    const all = await get("/markets/calendar");
    expect(all.body.data[0]).toEqual({ Date: "1989-01-01", HolDiv: "0" });
    expect(all.body.data.at(-1)).toEqual({ Date: "2027-12-31", HolDiv: "0" });
    expect((await get("/markets/calendar?from=2026-02-30&to=2026-03-10")).status).toBe(400);
  });

  it("holiday trading only from 2022-09-23, never in the year-end break", () => {
    expect(holDivOf("2022-09-19")).toBe("0");
    expect(holDivOf("2022-09-23")).toBe("3");
    expect(holDivOf("2026-01-01")).toBe("0");
    expect(holDivOf("2026-01-03")).toBe("0");
    expect(holDivOf("2026-11-22")).toBe("0");
  });

  describe("read by Kabuto's JQuantsClient.fetchCalendar", () => {
    let client: JQuantsClient;
    beforeAll(() => {
      client = new JQuantsClient({ baseUrl: sim.jquantsBaseUrl, apiKey: DEFAULT_JQUANTS_KEY });
    });

    it("asks once for a whole year; HolDiv 1 and 2 trade, 0 and 3 do not", async () => {
      const before = (await sim.requests())["jquants:/v2/markets/calendar"] ?? 0;
      const days = await client.fetchCalendar({ from: "2026-01-01", to: "2026-12-31" });
      expect((await sim.requests())["jquants:/v2/markets/calendar"]).toBe(before + 1);
      expect(days).toHaveLength(365);
      expect(days.find((day) => day.date === "2026-11-23")).toEqual({
        date: "2026-11-23",
        isTradingDay: false,
        holDiv: "3",
      });
      expect(days.filter((day) => day.isTradingDay).map((day) => day.date)).toEqual(
        tradingDaysBetween("2026-01-01", "2026-12-31"),
      );
    });

    it("gets nothing past what J-Quants knows", async () => {
      expect(await client.fetchCalendar({ from: "2028-01-01", to: "2028-12-31" })).toEqual([]);
    });

    it("maps every holiday division and refuses an unknown one", async () => {
      const day = (HolDiv: string) =>
        calendarDayFromJQuants(jquantsCalendarRowSchema.parse({ Date: "2008-12-30", HolDiv }));
      expect(["0", "1", "2", "3"].map((holDiv) => day(holDiv).isTradingDay)).toEqual([false, true, true, false]);
      expect(() => day("4")).toThrow();
      const http = { get: async () => ({ data: { data: [{ Date: "2026-01-05", HolDiv: "9" }] } }) };
      const odd = new JQuantsClient({ baseUrl: "http://j-quants.invalid/v2", apiKey: "k", http: http as never });
      await expect(odd.fetchCalendar({ from: "2026-01-01", to: "2026-01-31" })).rejects.toThrow(PermanentError);
    });
  });
});
