import { readFileSync } from "node:fs";

import * as XLSX from "xlsx";

import { describeWithSharedFixtures, sharedFixture } from "@kabuto/testkit";

import { DEFAULT_JQUANTS_KEY, startMarketSim, type MarketSim } from "./market-sim";

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

/** Key paths of a JSON value, with the type at each leaf: "chart.result[].meta.currency:string". */
function shape(value: unknown, path = ""): string[] {
  if (Array.isArray(value))
    return value.length === 0 ? [`${path}[]`] : [...new Set(value.flatMap((item) => shape(item, `${path}[]`)))];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      /^\d+$/.test(key) ? shape(item, `${path}.<stamp>`) : shape(item, `${path}.${key}`),
    );
  }
  return [`${path}:${value === null ? "null" : typeof value}`];
}

function sheetCells(buffer: Buffer) {
  const workbook = XLSX.read(buffer, { type: "buffer" });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return { workbook, sheet, range: XLSX.utils.decode_range(sheet["!ref"]!) };
}

describe("market simulator (real HTTP on 127.0.0.1)", () => {
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 7, jquantsBlockMs: 2000 });
  });

  afterAll(() => sim.close());

  it("answers the same bytes for the same seed", async () => {
    const other = await startMarketSim({ seed: 7 });
    try {
      for (const path of ["/v8/finance/chart/7203.T?interval=1d&range=1y", sim.jpxListUrl.slice(sim.url.length)]) {
        const [mine, theirs] = await Promise.all([get(`${sim.url}${path}`), get(`${other.url}${path}`)]);
        expect(Buffer.from(await mine.arrayBuffer()).equals(Buffer.from(await theirs.arrayBuffer()))).toBe(true);
      }
    } finally {
      await other.close();
    }
  });

  it("serves Yahoo's chart JSON: daily bars stamped 00:00 UTC, the live last one at 15:30 JST", async () => {
    const body = (await (
      await get(`${sim.url}/v8/finance/chart/7203.T?interval=1d&range=1mo&events=div,splits`)
    ).json()) as {
      chart: {
        result: { meta: Record<string, unknown>; timestamp: number[]; indicators: { quote: { close: unknown[] }[] } }[];
      };
    };
    const [result] = body.chart.result;
    expect(result!.meta).toMatchObject({
      currency: "JPY",
      symbol: "7203.T",
      exchangeTimezoneName: "Asia/Tokyo",
      gmtoffset: 32400,
      dataGranularity: "1d",
    });
    const stamps = result!.timestamp;
    expect(stamps.slice(0, -1).every((stamp) => stamp % 86_400 === 0)).toBe(true);
    expect(stamps.at(-1)! % 86_400).toBe(6.5 * 3600);
    expect(new Date(stamps.at(-1)! * 1000).toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(result!.indicators.quote[0]!.close).toHaveLength(stamps.length);
  });

  it("answers Yahoo's error bodies: 404 for an unknown symbol, 422 for an impossible range", async () => {
    const unknown = await get(`${sim.url}/v8/finance/chart/0000.T?interval=1d&range=1mo`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } },
    });
    const impossible = await get(`${sim.url}/v8/finance/chart/7203.T?interval=1m&range=1y`);
    expect(impossible.status).toBe(422);
  });

  it("J-Quants v2: 401 without a valid key, pages of {data, pagination_key}", async () => {
    expect((await get(`${sim.jquantsBaseUrl}/equities/master`)).status).toBe(401);
    expect((await get(`${sim.jquantsBaseUrl}/equities/master`, { "x-api-key": "wrong" })).status).toBe(401);
    const first = (await (
      await get(`${sim.jquantsBaseUrl}/equities/master`, { "x-api-key": DEFAULT_JQUANTS_KEY })
    ).json()) as {
      data: Record<string, unknown>[];
      pagination_key?: string;
    };
    expect(first.data).toHaveLength(1000);
    expect(Object.keys(first.data[0]!).sort()).toEqual([
      "CoName",
      "CoNameEn",
      "Code",
      "Date",
      "Mkt",
      "MktNm",
      "Mrgn",
      "MrgnNm",
      "S17",
      "S17Nm",
      "S33",
      "S33Nm",
      "ScaleCat",
    ]);
    expect(first.pagination_key).toEqual(expect.any(String));
    const toyota = (await (
      await get(`${sim.jquantsBaseUrl}/equities/master?code=72030`, { "x-api-key": DEFAULT_JQUANTS_KEY })
    ).json()) as { data: unknown[] };
    expect(toyota.data).toEqual([
      expect.objectContaining({ Code: "72030", CoName: "トヨタ自動車", S33: "3700", Mkt: "0111" }),
    ]);
  });

  it("J-Quants: a key over its plan's limit gets 429, far over it is blocked", async () => {
    await sim.setJQuantsKey("free-key", "free");
    const statuses: number[] = [];
    for (let index = 0; index < 11; index++) {
      statuses.push(
        (await get(`${sim.jquantsBaseUrl}/equities/master?code=72030`, { "x-api-key": "free-key" })).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429, 429]);
    await sim.setJQuantsKey("free-key", null);
    expect((await get(`${sim.jquantsBaseUrl}/equities/master?code=72030`, { "x-api-key": "free-key" })).status).toBe(
      401,
    );
  });

  it("serves a legacy BIFF8 data_j.xls with JPX's headers and cell types", async () => {
    const file = Buffer.from(await (await get(sim.jpxListUrl)).arrayBuffer());
    expect(file.subarray(0, 4).toString("hex")).toBe("d0cf11e0");
    const { sheet, range } = sheetCells(file);
    expect(range.e.r).toBeGreaterThan(4300);
    const column = (letter: string, row: number) => sheet[`${letter}${row}`] as XLSX.CellObject;
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].map((letter) => column(letter, 1).v)).toEqual([
      "日付",
      "コード",
      "銘柄名",
      "市場・商品区分",
      "33業種コード",
      "33業種区分",
      "17業種コード",
      "17業種区分",
      "規模コード",
      "規模区分",
    ]);
    const rows = Array.from({ length: range.e.r }, (_, index) => index + 2);
    expect(column("A", 2)).toMatchObject({ t: "n", v: 20261120 });
    const codes = rows.map((row) => column("B", row));
    expect(codes.find((cell) => cell.v === "130A")?.t).toBe("s");
    expect(codes.find((cell) => cell.v === 7203)?.t).toBe("n");
    const etfRow = rows.find((row) => column("B", row).v === 1305)!;
    expect(column("E", etfRow)).toMatchObject({ t: "s", v: "-" });
  });

  it("advances a day: listings appear, disappear and change names", async () => {
    const codes = async () => (await (await get(sim.jpxListUrl)).arrayBuffer()).byteLength;
    const before = await codes();
    for (let day = 0; day < 20; day++) await sim.advanceDay();
    expect(await codes()).not.toBe(before);
  });

  it("injects faults and counts requests", async () => {
    await sim.setFaults({ failingSymbols: ["6758.T"], rateLimitPerMinute: 0 });
    expect((await get(`${sim.url}/v8/finance/chart/6758.T?range=1mo&interval=1d`)).status).toBe(404);
    await sim.setFaults({ errorRate: 1 });
    expect((await get(`${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`)).status).toBe(503);
    await sim.setFaults({ malformedRate: 1 });
    await expect((await get(`${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`)).json()).rejects.toThrow();
    await sim.setFaults({ resetRate: 1 });
    await expect(get(`${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`)).rejects.toThrow();
    await sim.setFaults({ hangRate: 1 });
    await expect(
      fetch(`${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    await sim.setFaults({ rateLimitPerMinute: 2 });
    const limited = [];
    for (let index = 0; index < 3; index++)
      limited.push(await get(`${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`));
    expect(limited.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(Number(limited[2]!.headers.get("retry-after"))).toBeGreaterThan(0);
    await sim.setFaults({});
    expect((await sim.requests())["yahoo:/v8/finance/chart"]).toBeGreaterThan(5);
  });

  it("answers 429 without Retry-After when told to, as real upstreams sometimes do", async () => {
    await sim.setFaults({ rateLimitPerMinute: 1, rateLimitRetryAfter: false });
    try {
      const chart = `${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`;
      // The minute's window may have begun in an earlier test: the second request is over the limit either way.
      await get(chart);
      const limited = await get(chart);
      expect(limited.status).toBe(429);
      expect(limited.headers.has("retry-after")).toBe(false);
    } finally {
      await sim.setFaults({});
    }
  });

  it("keeps a hidden limit like Yahoo's: answered requests over a sliding window, 429s counted", async () => {
    await sim.setFaults({ rateLimitPerMinute: 120, rateLimitWindowMs: 1_000, rateLimitRetryAfter: false });
    try {
      const chart = `${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`;
      const refusedBefore = (await sim.requests())["yahoo:/v8/finance/chart 429"] ?? 0;
      // Requests of the tests before are still in the window for a second.
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      const statuses = [];
      for (let index = 0; index < 4; index++) statuses.push((await get(chart)).status);
      expect(statuses).toEqual([200, 200, 429, 429]);
      // The refused requests did not count: once the two answered ones leave the window, it answers again.
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      expect((await get(chart)).status).toBe(200);
      expect((await sim.requests())["yahoo:/v8/finance/chart 429"]).toBe(refusedBefore + 2);
    } finally {
      await sim.setFaults({});
    }
  });

  it("records each endpoint's last User-Agent and Accept headers", async () => {
    await get(`${sim.url}/v8/finance/chart/7203.T?range=1mo&interval=1d`, {
      "user-agent": "Mozilla/5.0 test",
      accept: "application/json",
    });
    await get(`${sim.jquantsBaseUrl}/markets/calendar?from=2026-11-02&to=2026-11-06`, {
      "x-api-key": DEFAULT_JQUANTS_KEY,
      "user-agent": "kabuto-test",
    });
    expect(await sim.clientHeaders()).toMatchObject({
      "yahoo:/v8/finance/chart": { "user-agent": "Mozilla/5.0 test", accept: "application/json" },
      "jquants:/v2/markets/calendar": { "user-agent": "kabuto-test" },
    });
  });
});

describeWithSharedFixtures("the simulator against the real formats", () => {
  let sim: MarketSim;

  beforeAll(async () => {
    sim = await startMarketSim({ seed: 7 });
  });

  afterAll(() => sim.close());

  it("its chart JSON has the key paths and types of Yahoo's real answer", async () => {
    const real = JSON.parse(readFileSync(sharedFixture("yahoo/chart-1301.T-1mo-1d.json"), "utf8")) as unknown;
    const simulated = (await (await get(`${sim.url}/v8/finance/chart/1301.T?interval=1d&range=1mo`)).json()) as unknown;
    const ignoreNull = (paths: string[]) =>
      paths.filter((path) => !path.endsWith(":null") && !path.includes(".events"));
    const expected = ignoreNull(shape(real)).filter(
      (path) => !/fiftyTwoWeek|regularMarketDay|regularMarketVolume/.test(path),
    );
    expect(ignoreNull(shape(simulated))).toEqual(expect.arrayContaining(expected));
  });

  it("its xls reads like JPX's real file: same headers, same cell types per column", async () => {
    const real = sheetCells(readFileSync(sharedFixture("jpx/data_j-2025-09.xls")));
    const simulated = sheetCells(Buffer.from(await (await get(sim.jpxListUrl)).arrayBuffer()));
    const typesByColumn = ({ sheet, range }: ReturnType<typeof sheetCells>) =>
      Array.from({ length: 10 }, (_, column) => {
        const types = new Set<string>();
        for (let row = 1; row <= range.e.r; row++) {
          const cell = sheet[XLSX.utils.encode_cell({ r: row, c: column })] as XLSX.CellObject | undefined;
          if (cell) types.add(`${cell.t}${cell.t === "s" && cell.v === "-" ? "-" : ""}`);
        }
        return [...types].sort().join(",");
      });
    const headers = ({ sheet }: ReturnType<typeof sheetCells>) =>
      Array.from(
        { length: 10 },
        (_, column) => (sheet[XLSX.utils.encode_cell({ r: 0, c: column })] as XLSX.CellObject).v,
      );
    expect(headers(simulated)).toEqual(headers(real));
    expect(typesByColumn(simulated)).toEqual(typesByColumn(real));
    expect(real.workbook.SheetNames).toHaveLength(1);
    expect(simulated.workbook.SheetNames).toHaveLength(1);
  });
});
