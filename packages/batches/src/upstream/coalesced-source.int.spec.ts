import type { FetchUnitParams, FetchedUnit, PriceSource } from "@kabuto/providers";
import { createTestRedis, type TestRedis } from "@kabuto/testkit";

import { coalescedSource, unitCacheKeys } from "./coalesced-source";

const DAY = new Date("2026-11-20T00:00:00Z");

function answerOf(params: FetchUnitParams): FetchedUnit {
  return {
    bars: [
      {
        source: "yahoo",
        symbol: params.unit,
        interval: params.interval,
        ts: DAY,
        open: 1,
        high: 2,
        low: 0.5,
        close: params.period === "5d" ? 5 : 1.5,
        volume: 100,
        turnover: null,
      },
    ],
    actions: [{ source: "yahoo", symbol: params.unit, exDate: "2026-11-19", kind: "split", ratio: 2 }],
    actionsFrom: "2026-11-20",
    requests: 1,
  };
}

/** A source that answers after `delayMs`, counting its fetches by unit. */
function countingSource(delayMs: number) {
  const fetches = new Map<string, number>();
  const source: PriceSource = {
    id: "yahoo",
    unitKind: "symbols",
    intervals: ["1d"],
    refusal: () => undefined,
    planUnits: async ({ symbols }) => ({ units: [...symbols], requestsEstimated: symbols.length, requestsUsed: 0 }),
    async fetchUnit(params) {
      fetches.set(params.unit, (fetches.get(params.unit) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (params.unit === "FAIL.T") throw new Error("upstream down");
      if (params.unit === "2026-11-21") return { bars: [], actions: [], requests: 1 };
      return answerOf(params);
    },
  };
  return { source, fetches };
}

describe("coalescedSource (real Redis)", () => {
  let redis: TestRedis;

  beforeAll(() => {
    redis = createTestRedis();
  });

  afterAll(async () => {
    await redis.cleanup();
  });

  const options = (overrides: { ttlSeconds?: number; lockMs?: number } = {}) => ({
    redis: redis.connection,
    prefix: redis.prefix,
    ttlSeconds: 60,
    lockMs: 5_000,
    pollMs: 10,
    ...overrides,
  });

  it("fetches a unit asked by several at once only once, and answers repeats from Redis", async () => {
    const { source, fetches } = countingSource(200);
    const [a, b] = [coalescedSource(source, options()), coalescedSource(source, options())];
    const params = { unit: "7203.T", interval: "1d", period: "1mo" };
    const answers = await Promise.all([a.fetchUnit(params), b.fetchUnit(params), a.fetchUnit(params)]);
    expect(fetches.get("7203.T")).toBe(1);
    // One asker made the request; the others' answers cost none.
    expect(answers.map((answer) => answer.requests).sort()).toEqual([0, 0, 1]);
    for (const answer of answers) expect(answer).toEqual({ ...answerOf(params), requests: answer.requests });
    expect(answers[1]!.bars[0]!.ts).toBeInstanceOf(Date);
    expect(await b.fetchUnit(params)).toEqual({ ...answerOf(params), requests: 0 });
    expect(fetches.get("7203.T")).toBe(1);
  });

  it("never answers one request with another's: each range, interval and symbol filter is its own", async () => {
    const { source, fetches } = countingSource(20);
    const coalesced = coalescedSource(source, options());
    const asked: FetchUnitParams[] = [
      { unit: "6758.T", interval: "1d", period: "1mo" },
      { unit: "6758.T", interval: "1d", period: "5d" },
      { unit: "6758.T", interval: "1wk", period: "1mo" },
      { unit: "6758.T", interval: "1d", period: "1mo", symbols: new Set(["6758.T"]) },
    ];
    for (const params of asked) expect(await coalesced.fetchUnit(params)).toEqual(answerOf(params));
    expect(fetches.get("6758.T")).toBe(4);
  });

  it("keys a symbol filter by its members, whatever their order", () => {
    const params = { unit: "2026-11-20", interval: "1d", period: "1mo" };
    const keyOf = (provider: string, symbols?: string[]) =>
      unitCacheKeys("p", provider, { ...params, ...(symbols ? { symbols: new Set(symbols) } : {}) }).value;
    expect(keyOf("jquants", ["7203.T", "6758.T"])).toBe(keyOf("jquants", ["6758.T", "7203.T"]));
    expect(keyOf("jquants")).not.toBe(keyOf("yahoo"));
    expect(keyOf("jquants")).not.toBe(keyOf("jquants", []));
    // The processor hands the job's payload on whole: its batch is not part of what was asked.
    const [a, b] = ["job-a", "job-b"].map((batchId) => ({ ...params, batchId, provider: "jquants" }));
    expect(unitCacheKeys("p", "jquants", a!).value).toBe(unitCacheKeys("p", "jquants", b!).value);
  });

  it("does not keep an empty answer (a day not published yet): the next ask reaches the upstream", async () => {
    const { source, fetches } = countingSource(10);
    const coalesced = coalescedSource(source, options());
    const params = { unit: "2026-11-21", interval: "1d" };
    expect(await coalesced.fetchUnit(params)).toEqual({ bars: [], actions: [], requests: 1 });
    expect(await coalesced.fetchUnit(params)).toEqual({ bars: [], actions: [], requests: 1 });
    expect(fetches.get("2026-11-21")).toBe(2);
  });

  it("lets a waiter fetch itself when the fetch it waited for failed", async () => {
    const { source, fetches } = countingSource(100);
    const coalesced = coalescedSource(source, options());
    const params = { unit: "FAIL.T", interval: "1d", period: "1mo" };
    const outcomes = await Promise.allSettled([coalesced.fetchUnit(params), coalesced.fetchUnit(params)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(fetches.get("FAIL.T")).toBe(2);
  });

  it("fetches itself once the lock of a process that died holding it expires", async () => {
    const { source, fetches } = countingSource(10);
    const params = { unit: "9984.T", interval: "1d", period: "1mo" };
    await redis.connection.set(unitCacheKeys(redis.prefix, "yahoo", params).lock, "dead-process", "PX", 300);
    const started = Date.now();
    expect(await coalescedSource(source, options()).fetchUnit(params)).toEqual(answerOf(params));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(fetches.get("9984.T")).toBe(1);
  });

  it("fetches rather than serve a value stored for other key material", async () => {
    const { source, fetches } = countingSource(10);
    const coalesced = coalescedSource(source, options());
    const params = { unit: "8306.T", interval: "1d", period: "1mo" };
    const other = { unit: "7974.T", interval: "1d", period: "1mo" };
    await coalesced.fetchUnit(other);
    await redis.connection.copy(
      unitCacheKeys(redis.prefix, "yahoo", other).value,
      unitCacheKeys(redis.prefix, "yahoo", params).value,
    );
    expect(await coalesced.fetchUnit(params)).toEqual(answerOf(params));
    expect(fetches.get("8306.T")).toBe(1);
  });

  it("forgets an answer once its TTL has passed", async () => {
    const { source, fetches } = countingSource(10);
    const coalesced = coalescedSource(source, options({ ttlSeconds: 1 }));
    const params = { unit: "4063.T", interval: "1d", period: "1mo" };
    await coalesced.fetchUnit(params);
    await coalesced.fetchUnit(params);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await coalesced.fetchUnit(params);
    expect(fetches.get("4063.T")).toBe(2);
  });
});
