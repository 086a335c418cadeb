import { gunzipSync } from "node:zlib";

import { z } from "zod";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "../market-sim";
import { createMarketState } from "../market-state";
import { createUniverse } from "../universe/universe";

const SEED = 11;
const TODAY = "2026-11-20";
const headers = { "x-api-key": DEFAULT_JQUANTS_KEY };

// Decoded here from J-Quants' documented v2 shape, not with Kabuto's parsers.
const price = z.number().nullable();
const dailyBar = z.strictObject({
  Date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  Code: z.string().regex(/^[0-9][0-9A-Z]{3}[0-9]$/),
  O: price,
  H: price,
  L: price,
  C: price,
  UL: z.enum(["0", "1"]),
  LL: z.enum(["0", "1"]),
  Vo: price,
  Va: price,
  AdjFactor: z.number().positive(),
  AdjO: price,
  AdjH: price,
  AdjL: price,
  AdjC: price,
  AdjVo: price,
});
const listAnswer = <Row extends z.ZodType>(row: Row) =>
  z.strictObject({ data: z.array(row), pagination_key: z.string().optional() });

async function json(url: string, key = DEFAULT_JQUANTS_KEY): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers: { "x-api-key": key } });
  return { status: response.status, body: await response.json() };
}

/** Every page of a J-Quants list answer. */
async function allPages<Row extends z.ZodType>(url: string, row: Row): Promise<z.infer<Row>[]> {
  const rows: z.infer<Row>[] = [];
  let key: string | undefined;
  do {
    const { status, body } = await json(`${url}${key ? `&pagination_key=${key}` : ""}`);
    expect(status).toBe(200);
    const page = listAnswer(row).parse(body);
    rows.push(...page.data);
    key = page.pagination_key;
  } while (key);
  return rows;
}

describe("simulated J-Quants v2 market data (real HTTP on 127.0.0.1)", () => {
  let sim: MarketSim;
  const universe = createUniverse(SEED);

  beforeAll(async () => {
    sim = await startMarketSim({ seed: SEED, baseDate: TODAY, jquantsKeys: { [DEFAULT_JQUANTS_KEY]: "premium" } });
  });

  afterAll(() => sim.close());

  it("answers one date for the whole market in pages of 1,000, sorted by code, in J-Quants' shape", async () => {
    const rows = await allPages(`${sim.jquantsBaseUrl}/equities/bars/daily?date=20261119`, dailyBar);
    const listed = universe.filter((listing) => listing.listedFrom === 0);
    expect(rows).toHaveLength(listed.length);
    expect(rows.map((row) => row.Code)).toEqual([...rows.map((row) => row.Code)].sort());
    expect(new Set(rows.map((row) => row.Date))).toEqual(new Set(["2026-11-19"]));
    for (const row of rows) {
      if (row.C === null) expect([row.O, row.H, row.L, row.Vo, row.Va]).toEqual([null, null, null, null, null]);
      else expect(row.L! <= row.C && row.C <= row.H!).toBe(true);
    }
    const { body } = await json(`${sim.jquantsBaseUrl}/equities/bars/daily?date=2026-11-19`);
    expect(listAnswer(dailyBar).parse(body).data[0]).toEqual(rows[0]);
  });

  it("answers one code (4 or 5 characters) between from and to, the same bars as by date", async () => {
    const url = (code: string) => `${sim.jquantsBaseUrl}/equities/bars/daily?code=${code}&from=20261101&to=20261119`;
    const long = await allPages(url("72030"), dailyBar);
    expect(await allPages(url("7203"), dailyBar)).toEqual(long);
    expect(long.map((row) => row.Date)).toEqual([
      "2026-11-02",
      "2026-11-04",
      "2026-11-05",
      "2026-11-06",
      "2026-11-09",
      "2026-11-10",
      "2026-11-11",
      "2026-11-12",
      "2026-11-13",
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
    ]);
    const byDate = await allPages(`${sim.jquantsBaseUrl}/equities/bars/daily?date=20261119`, dailyBar);
    expect(byDate.find((row) => row.Code === "72030")).toEqual(long.at(-1));
  });

  it("adjusts for splits only, on today's share count: AdjC equals Yahoo's split-adjusted close", async () => {
    const state = createMarketState({ seed: SEED, baseDate: TODAY });
    const split = universe
      .filter((listing) => listing.listedFrom === 0 && Number.isFinite(listing.delistedFrom) === false)
      .find((listing) => state.bars(listing, "2026-01-01").some((bar) => bar.split !== 1))!;
    expect(split).toBeDefined();
    const rows = await allPages(
      `${sim.jquantsBaseUrl}/equities/bars/daily?code=${split.code}&from=20260101&to=${TODAY.replaceAll("-", "")}`,
      dailyBar,
    );
    const splitDay = rows.find((row) => row.AdjFactor !== 1)!;
    expect([0.5, 1 / 3]).toContainEqual(splitDay.AdjFactor);
    const before = rows.filter((row) => row.Date < splitDay.Date && row.C !== null)[0]!;
    expect(before.AdjC).toBeCloseTo(before.C! * splitDay.AdjFactor, 1);

    const chart = (await (await fetch(`${sim.url}/v8/finance/chart/${split.code}.T?interval=1d&range=1y`)).json()) as {
      chart: { result: { timestamp: number[]; indicators: { quote: { close: (number | null)[] }[] } }[] };
    };
    const [result] = chart.chart.result;
    const yahooClose = new Map(
      result!.timestamp.map((stamp, index) => [
        new Date(stamp * 1000).toISOString().slice(0, 10),
        result!.indicators.quote[0]!.close[index],
      ]),
    );
    for (const row of rows) {
      const close = yahooClose.get(row.Date);
      if (close !== undefined && close !== null) expect(row.AdjC).toBeCloseTo(close, 0);
    }
  });

  it("keeps a delisted code's history up to its last day; by date it is gone the day it delists", async () => {
    const delisted = universe.find((listing) => Number.isFinite(listing.delistedFrom) && listing.delistedFrom <= 3)!;
    for (let day = 0; day < delisted.delistedFrom; day++) await sim.advanceDay();
    const { date: today } = (await (await fetch(`${sim.url}/health`)).json()) as { date: string };
    try {
      const code = delisted.code.length === 4 ? `${delisted.code}0` : delisted.code;
      const history = await allPages(`${sim.jquantsBaseUrl}/equities/bars/daily?code=${code}&from=20261101`, dailyBar);
      expect(history.length).toBeGreaterThan(10);
      expect(history.at(-1)!.Date < today).toBe(true);
      const todayRows = await allPages(
        `${sim.jquantsBaseUrl}/equities/bars/daily?date=${today.replaceAll("-", "")}`,
        dailyBar,
      );
      expect(todayRows.some((row) => row.Code === code)).toBe(false);
      expect((await fetch(`${sim.url}/v8/finance/chart/${delisted.code}.T`)).status).toBe(404);
    } finally {
      await fetch(`${sim.url}/__admin/reset`, { method: "POST" });
    }
  });

  it("answers J-Quants' 400s: no code or date, a date outside the plan (Free lags 12 weeks)", async () => {
    expect(await json(`${sim.jquantsBaseUrl}/equities/bars/daily`)).toEqual({
      status: 400,
      body: { message: "This API requires at least 1 parameter as follows; 'date','code'." },
    });
    await sim.setJQuantsKey("free-plan-key", "free");
    const recent = await json(`${sim.jquantsBaseUrl}/equities/bars/daily?date=20261119`, "free-plan-key");
    expect(recent.status).toBe(400);
    expect(recent.body).toEqual({ message: expect.stringMatching(/^Your subscription covers the following dates: /) });
    expect((await json(`${sim.jquantsBaseUrl}/equities/bars/daily?date=20260803`, "free-plan-key")).status).toBe(200);
  });

  it("serves TOPIX and weekly trading by type of investors whose parts add up", async () => {
    const topix = await allPages(
      `${sim.jquantsBaseUrl}/indices/bars/daily/topix?from=20261101&to=20261120`,
      z.strictObject({ Date: z.string(), O: z.number(), H: z.number(), L: z.number(), C: z.number() }),
    );
    expect(topix).toHaveLength(14);
    const sides = ["Sell", "Buy", "Tot", "Bal"] as const;
    const parts = ["Ind", "Frgn", "SecCo", "InvTr", "BusCo", "OthCo", "InsCo", "Bank", "TrstBnk", "OthFin"];
    const investorRow = z.strictObject({
      PubDate: z.string(),
      StDate: z.string(),
      EnDate: z.string(),
      Section: z.enum(["TSEPrime", "TSEStandard", "TSEGrowth", "TokyoNagoya"]),
      ...Object.fromEntries(
        ["Prop", "Brk", "Tot", ...parts].flatMap((prefix) => sides.map((side) => [`${prefix}${side}`, z.number()])),
      ),
    });
    const weeks = await allPages(
      `${sim.jquantsBaseUrl}/equities/investor-types?section=TSEPrime&from=20261001&to=20261120`,
      investorRow,
    );
    expect(weeks.length).toBeGreaterThanOrEqual(6);
    for (const week of weeks as Record<string, number | string>[]) {
      expect(new Date(`${week.PubDate}T00:00:00Z`).getUTCDay()).toBe(4);
      expect(week.TotSell).toBe(Number(week.PropSell) + Number(week.BrkSell));
      expect(week.BrkBuy).toBe(parts.reduce((sum, prefix) => sum + Number(week[`${prefix}Buy`]), 0));
      expect(week.IndBal).toBe(Number(week.IndBuy) - Number(week.IndSell));
    }
  });

  it("lists bulk files, signs a short-lived URL, and serves a gzipped CSV equal to the JSON", async () => {
    const list = z
      .strictObject({ data: z.array(z.strictObject({ Key: z.string(), LastModified: z.string(), Size: z.number() })) })
      .parse((await json(`${sim.jquantsBaseUrl}/bulk/list?endpoint=/equities/bars/daily`)).body);
    const day = list.data.find((file) => file.Key.endsWith("_20261119.csv.gz"))!;
    expect(list.data.some((file) => /_202610\.csv\.gz$/.test(file.Key))).toBe(true);
    const { body } = await json(`${sim.jquantsBaseUrl}/bulk/get?key=${encodeURIComponent(day.Key)}`);
    const { url } = z.strictObject({ url: z.string().url() }).parse(body);
    const download = await fetch(url);
    const gz = Buffer.from(await download.arrayBuffer());
    expect(gz.length).toBe(day.Size);
    const [header, ...lines] = gunzipSync(gz).toString().trim().split("\n");
    const columns = header!.split(",");
    expect(columns).toEqual(Object.keys(dailyBar.shape));
    const json19 = await allPages(`${sim.jquantsBaseUrl}/equities/bars/daily?date=20261119`, dailyBar);
    expect(lines).toHaveLength(json19.length);
    const cells = lines[0]!.split(",");
    const first = json19[0]! as Record<string, unknown>;
    expect(cells).toEqual(columns.map((column) => (first[column] === null ? "" : String(first[column]))));

    const forged = new URL(url);
    forged.searchParams.set("Expires", String(Number(forged.searchParams.get("Expires")) + 3600));
    expect((await fetch(forged)).status).toBe(403);
  }, 90_000);

  it("answers the same bytes for the same seed", async () => {
    const other = await startMarketSim({ seed: SEED, baseDate: TODAY });
    try {
      for (const path of ["/equities/bars/daily?date=20261118", "/indices/bars/daily/topix?from=20260101"]) {
        const [mine, theirs] = await Promise.all(
          [sim, other].map(async (server) =>
            Buffer.from(await (await fetch(`${server.jquantsBaseUrl}${path}`, { headers })).arrayBuffer()),
          ),
        );
        expect(mine!.equals(theirs!)).toBe(true);
      }
    } finally {
      await other.close();
    }
  });
});
