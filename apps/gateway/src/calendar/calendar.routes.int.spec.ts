import { randomBytes } from "node:crypto";

import request from "supertest";

import { isTradingDay, shiftTradingDays, tokyoDate } from "@kabuto/core";
import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "@kabuto/market-sim";
import { startTestGateway, type TestGateway } from "@kabuto/testkit";

const CALENDAR = "jquants:/v2/markets/calendar";

describe("GET /api/v1/calendar against the real gateway and the simulator", () => {
  jest.setTimeout(60_000);
  let sim: MarketSim;
  let gateway: TestGateway;
  const thisYear = Number(tokyoDate(new Date()).slice(0, 4));

  const calendarRequests = async () => (await sim.requests())[CALENDAR] ?? 0;
  const get = (query: string) => request(gateway.url).get(`/api/v1/calendar${query}`);

  beforeAll(async () => {
    // a simulated "today" in June of this year: J-Quants then knows next year's calendar too
    const june = `${thisYear}-06-15`;
    sim = await startMarketSim({ seed: 12, baseDate: isTradingDay(june) ? june : shiftTradingDays(june, 1) });
    gateway = await startTestGateway({
      RATE_LIMIT_PER_MINUTE: "100000",
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      JQUANTS_BASE_URL: sim.jquantsBaseUrl,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  describe("bad windows", () => {
    it.each([
      ["?from=2026-02-30&to=2026-03-31", "'from'", "実在する日付"],
      ["?from=2026-01-01&to=2026-13-01", "'to'", "実在する日付"],
      ["?from=2026/01/01&to=2026-01-31", "'from'", "YYYY-MM-DD"],
      ["?to=2026-01-31", "'from'", "YYYY-MM-DD"],
      ["?from=2026-02-01&to=2026-01-31", "'from'", "'to' 以前"],
      ["?from=2016-01-01&to=2026-01-01", "'to'", "10年"],
      ["?from=1988-12-01&to=1989-01-31", "'from'", "1989-01-01"],
    ])("%s: 400 naming %s", async (query, field, words) => {
      const response = await get(query).expect(400);
      expect(response.body).toMatchObject({ success: false, error: "VALIDATION_ERROR" });
      expect(response.body.message).toContain(field);
      expect(response.body.message).toContain(words);
    });

    it("takes ten years exactly", async () => {
      const response = await get("?from=2016-01-01&to=2025-12-31").expect(200);
      expect(response.body.trading_days.length + response.body.closed_days.length).toBe(3653);
    });
  });

  it("answers from the rules without a J-Quants key, asking J-Quants nothing", async () => {
    const before = await calendarRequests();
    const response = await get("?from=2020-07-20&to=2020-07-26").expect(200);
    expect(response.body).toEqual({
      success: true,
      from: "2020-07-20",
      to: "2020-07-26",
      source: "rules",
      trading_days: ["2020-07-20", "2020-07-21", "2020-07-22"],
      closed_days: ["2020-07-23", "2020-07-24", "2020-07-25", "2020-07-26"],
    });
    expect(await calendarRequests()).toBe(before);
    expect((await gateway.db.pool.query("SELECT count(*)::int AS n FROM trading_calendar")).rows[0].n).toBe(0);
  });

  describe("with a stored J-Quants key", () => {
    beforeAll(async () => {
      await request(gateway.url)
        .put("/api/v1/data-sources/jquants")
        .send({ api_key: DEFAULT_JQUANTS_KEY, plan: "standard" })
        .expect(200);
    });

    it("fetches the year once, stores it, and answers from storage", async () => {
      const before = await calendarRequests();
      const response = await get("?from=2019-04-25&to=2019-05-08").expect(200);
      expect(response.body).toMatchObject({
        source: "jquants",
        trading_days: ["2019-04-25", "2019-04-26", "2019-05-07", "2019-05-08"],
      });
      expect(response.body.closed_days).toHaveLength(10);
      expect(await calendarRequests()).toBe(before + 1);

      const stored = await gateway.db.pool.query(
        "SELECT source, count(*)::int AS n FROM trading_calendar WHERE date BETWEEN '2019-01-01' AND '2019-12-31' GROUP BY source",
      );
      expect(stored.rows).toEqual([{ source: "jquants", n: 365 }]);

      await get("?from=2019-10-21&to=2019-10-23").expect(200, {
        success: true,
        from: "2019-10-21",
        to: "2019-10-23",
        source: "jquants",
        trading_days: ["2019-10-21", "2019-10-23"],
        closed_days: ["2019-10-22"],
      });
      expect(await calendarRequests()).toBe(before + 1);
      await get("?from=2019-12-01&to=2020-01-31").expect(200);
      expect(await calendarRequests()).toBe(before + 2); // 2020 only
    });

    it("marks the days after J-Quants' horizon as the rules' (mixed)", async () => {
      const next = thisYear + 1;
      const response = await get(`?from=${next}-12-28&to=${next + 1}-01-06`).expect(200);
      expect(response.body.source).toBe("mixed");
      expect(response.body.closed_days).toEqual(
        expect.arrayContaining([`${next}-12-31`, `${next + 1}-01-01`, `${next + 1}-01-02`, `${next + 1}-01-03`]),
      );
      const far = await get(`?from=${next + 1}-03-01&to=${next + 1}-03-31`).expect(200);
      expect(far.body.source).toBe("rules");
    });

    it("is in the OpenAPI document", async () => {
      const document = (await request(gateway.url).get("/api/docs").expect(200)).body;
      expect(document.paths["/api/v1/calendar"].get.parameters.map((p: { name: string }) => p.name)).toEqual([
        "from",
        "to",
      ]);
    });
  });
});
