import { startMarketSim, type MarketSim } from "../market-sim";

interface Chart {
  chart: {
    result: {
      meta: { range: string };
      timestamp: number[];
      events?: {
        splits?: Record<string, { date: number; numerator: number; denominator: number; splitRatio: string }>;
      };
      indicators: { quote: { close: (number | null)[] }[]; adjclose?: unknown[] };
    }[];
  };
}

describe("simulated Yahoo chart: splits and intraday bars", () => {
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 3 });
  });

  afterAll(() => sim.close());

  const chart = async (symbol: string, query: string) =>
    (await (await fetch(`${sim.url}/v8/finance/chart/${symbol}?${query}`)).json()) as Chart;

  it("reports a split in events and serves prices already adjusted for it", async () => {
    let found: { result: Chart["chart"]["result"][number]; date: number } | undefined;
    for (let code = 1300; code < 9999 && !found; code++) {
      const response = await fetch(`${sim.url}/v8/finance/chart/${code}.T?interval=1d&range=2y`);
      if (response.status !== 200) continue;
      const [result] = ((await response.json()) as Chart).chart.result;
      const split = Object.values(result!.events?.splits ?? {})[0];
      if (split) found = { result: result!, date: split.date };
    }
    expect(found).toBeDefined();
    const { result, date } = found!;
    const splitRatio = Object.values(result.events!.splits!)[0]!;
    expect(splitRatio.splitRatio).toBe(`${splitRatio.numerator}:1`);
    const index = result.timestamp.findIndex((stamp) => stamp >= date);
    const closes = result.indicators.quote[0]!.close;
    const before = closes
      .slice(0, index)
      .filter((close): close is number => close !== null)
      .at(-1)!;
    const after = closes.slice(index).find((close): close is number => close !== null)!;
    expect(after / before).toBeGreaterThan(0.7);
    expect(after / before).toBeLessThan(1.3);
  });

  it("serves intraday bars inside the TSE sessions, without adjclose", async () => {
    const [result] = (await chart("7203.T", "interval=5m&range=5d")).chart.result;
    const minutes = result!.timestamp.map((stamp) => (stamp % 86_400) / 60);
    expect(minutes.every((minute) => (minute >= 0 && minute < 150) || (minute >= 210 && minute < 390))).toBe(true);
    const days = new Set(result!.timestamp.map((stamp) => Math.floor(stamp / 86_400)));
    expect(result!.timestamp.length).toBe(days.size * 66);
    expect(result!.indicators.adjclose).toBeUndefined();
  });

  it("answers period1 (inclusive) to period2 (exclusive) as the bars of the same range, and no range", async () => {
    const [month] = (await chart("7203.T", "interval=1d&range=1mo")).chart.result;
    const stamps = month!.timestamp;
    const closes = month!.indicators.quote[0]!.close;
    const [span] = (await chart("7203.T", `interval=1d&period1=${stamps.at(-3)}&period2=${stamps.at(-1)}`)).chart
      .result;
    expect(span!.timestamp).toEqual(stamps.slice(-3, -1));
    expect(span!.indicators.quote[0]!.close).toEqual(closes.slice(-3, -1));
    expect(span!.meta.range).toBe("");
    const [untilNow] = (await chart("7203.T", `interval=1d&period1=${stamps.at(-2)! - 3600}`)).chart.result;
    expect(untilNow!.timestamp).toEqual(stamps.slice(-2));
  });

  it("answers a period without bars with an empty quote, and a reversed one with 400", async () => {
    const [month] = (await chart("7203.T", "interval=1d&range=1mo")).chart.result;
    const after = month!.timestamp.at(-1)! + 1;
    const [empty] = (await chart("7203.T", `interval=1d&period1=${after}&period2=${after + 3600}`)).chart.result;
    expect(empty!.timestamp).toBeUndefined();
    expect(empty!.indicators.quote).toEqual([{}]);
    const reversed = await fetch(
      `${sim.url}/v8/finance/chart/7203.T?interval=1d&period1=${after}&period2=${after - 1}`,
    );
    expect(reversed.status).toBe(400);
  });
});
