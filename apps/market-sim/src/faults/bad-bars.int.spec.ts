import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "../market-sim";

interface Chart {
  chart: {
    result: { timestamp: number[]; indicators: { quote: { high: number[]; low: number[]; close: number[] }[] } }[];
  };
}
interface DailyRow {
  Date: string;
  Code: string;
  H: number;
  L: number;
  C: number;
}

const dayOf = (stamp: number) => new Date(stamp * 1000).toISOString().slice(0, 10);

describe("the badBars fault: high below low, a +45 % jump, a missing day, in Yahoo's and J-Quants' answers", () => {
  let sim: MarketSim;
  let code: string;

  const yahoo = async () => {
    const body = (await (await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=5d`)).json()) as Chart;
    const [result] = body.chart.result;
    const quote = result!.indicators.quote[0]!;
    return new Map(
      result!.timestamp.map((stamp, index) => [
        dayOf(stamp),
        { high: quote.high[index]!, low: quote.low[index]!, close: quote.close[index]! },
      ]),
    );
  };
  const jquants = async (query: string) => {
    const response = await fetch(`${sim.jquantsBaseUrl}/equities/bars/daily?${query}`, {
      headers: { "x-api-key": DEFAULT_JQUANTS_KEY },
    });
    return ((await response.json()) as { data: DailyRow[] }).data;
  };
  const byCode = async () =>
    new Map((await jquants(`code=${code}&from=20261116&to=20261120`)).map((row) => [row.Date, row]));

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 11, baseDate: "2026-11-20" });
    code = (await jquants("date=20261119"))[0]!.Code.slice(0, 4);
  });

  afterAll(() => sim.close());

  it("serves the injected bad bars from both sources, and the clean ones again once cleared", async () => {
    const clean = { yahoo: await yahoo(), jquants: await byCode() };
    await sim.setFaults({
      badBars: [
        { code, date: "2026-11-16", kind: "high_below_low" },
        { code, date: "2026-11-17", kind: "missing" },
        { code, date: "2026-11-19", kind: "jump" },
      ],
    });
    const bad = { yahoo: await yahoo(), jquants: await byCode() };

    for (const series of [
      bad.yahoo,
      new Map([...bad.jquants].map(([day, row]) => [day, { high: row.H, low: row.L }])),
    ]) {
      expect(series.get("2026-11-16")!.high).toBeLessThan(series.get("2026-11-16")!.low);
      expect(series.has("2026-11-17")).toBe(false);
    }
    expect(bad.yahoo.get("2026-11-19")!.close / clean.yahoo.get("2026-11-19")!.close).toBeCloseTo(1.45, 3);
    expect(bad.yahoo.get("2026-11-20")!.close / clean.yahoo.get("2026-11-20")!.close).toBeCloseTo(1.45, 3);
    expect(bad.yahoo.get("2026-11-18")).toEqual(clean.yahoo.get("2026-11-18"));
    expect(bad.jquants.get("2026-11-19")!.C / clean.jquants.get("2026-11-19")!.C).toBeCloseTo(1.45, 3);
    expect((await jquants("date=20261117")).some((row) => row.Code.startsWith(code))).toBe(false);

    await sim.setFaults({});
    expect(await yahoo()).toEqual(clean.yahoo);
  });

  it("refuses a bad bar of an unknown kind", async () => {
    const response = await fetch(`${sim.url}/__admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ badBars: [{ code, date: "2026-11-16", kind: "negative" }] }),
    });
    expect(response.status).toBe(400);
  });
});
