import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { readPriceBars } from "@kabuto/db";
import {
  DATASET_FIXTURE_SYMBOLS,
  createTestDatabase,
  fixtureDays,
  readParquetRows,
  seedDatasetFixture,
  type TestDatabase,
} from "@kabuto/testkit";

import { buildDataset, type DatasetBuild } from "./dataset-builder";
import type { DatasetMetadata } from "./dataset-metadata";
import { DATASET_COLUMNS, TOPIX_COLUMNS } from "./feature-columns";

type Bar = { open: number; high: number; low: number; close: number; volume: number };

const LIMITS = { memoryLimit: "512MB", threads: 1 };
const DAYS = fixtureDays(130);
const LAST = DAYS.at(-1)!;

// The features again, by hand and the slow way, over the bars the REST route would return.
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const sampleStd = (values: number[]) => {
  const average = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1));
};
function last<T>(values: readonly T[], index: number, length: number): T[] | null {
  return index + 1 >= length ? values.slice(index + 1 - length, index + 1) : null;
}
function ema(values: number[], span: number): number[] {
  const alpha = 2 / (span + 1);
  const out: number[] = [];
  for (const [index, value] of values.entries())
    out.push(index === 0 ? value : alpha * value + (1 - alpha) * out[index - 1]!);
  return out;
}
function wilder(values: number[], period: number): (number | null)[] {
  return values.map((_, index) => {
    if (index + 1 < period) return null;
    let average = mean(values.slice(0, period));
    for (let next = period; next <= index; next++) average = (average * (period - 1) + values[next]!) / period;
    return average;
  });
}

function handFeatures(bars: Bar[], topix: Map<number, number>) {
  const close = bars.map((bar) => bar.close);
  const ret = (index: number, lag: number) => (index >= lag ? close[index]! / close[index - lag]! - 1 : null);
  const r1 = close.map((_, index) => ret(index, 1));
  const topixCloses = [...topix.values()];
  const topixDayOf = new Map([...topix.keys()].map((row, position) => [row, position]));
  const topixRet = (index: number, lag: number) => {
    const position = topixDayOf.get(index);
    return position !== undefined && position >= lag ? topixCloses[position]! / topixCloses[position - lag]! - 1 : null;
  };
  const ema10 = ema(close, 10);
  const macd = ema(close, 12).map((value, index) => value - ema(close, 26)[index]!);
  const signal = ema(macd, 9);
  const changes = close.slice(1).map((value, index) => value - close[index]!);
  const gains = wilder(
    changes.map((change) => Math.max(change, 0)),
    14,
  );
  const losses = wilder(
    changes.map((change) => Math.max(-change, 0)),
    14,
  );
  const trueRange = bars
    .slice(1)
    .map((bar, index) =>
      Math.max(bar.high - bar.low, Math.abs(bar.high - close[index]!), Math.abs(bar.low - close[index]!)),
    );
  const atr = wilder(trueRange, 14);

  return bars.map((bar, index) => {
    const returns20 = last(r1, index, 20);
    const returns5 = last(r1, index, 5);
    const closes20 = last(close, index, 20);
    const bars20 = last(bars, index, 20);
    const pairs = last(
      r1.map((value, row) => [value, topixRet(row, 1)] as const),
      index,
      60,
    );
    const sma20 = closes20 && mean(closes20);
    const std20 = closes20 && sampleStd(closes20);
    const fullPairs = pairs?.every(([stock, market]) => stock !== null && market !== null)
      ? (pairs as (readonly [number, number])[])
      : null;
    const topix5 = topixRet(index, 5);
    return {
      returns_1d: ret(index, 1),
      returns_5d: ret(index, 5),
      log_returns_20d: index >= 20 ? Math.log(close[index]! / close[index - 20]!) : null,
      volatility_20d: returns20?.every((value) => value !== null) ? sampleStd(returns20 as number[]) : null,
      realized_volatility_5d: returns5?.every((value) => value !== null)
        ? Math.sqrt((returns5 as number[]).reduce((sum, value) => sum + value * value, 0))
        : null,
      parkinson_vol_20d: bars20
        ? Math.sqrt(mean(bars20.map((row) => Math.log(row.high / row.low) ** 2)) / (4 * Math.log(2)))
        : null,
      sma_20: sma20,
      ema_10: ema10[index]!,
      rsi_14:
        index === 0 || gains[index - 1] === null
          ? null
          : losses[index - 1] === 0
            ? 100
            : 100 - 100 / (1 + gains[index - 1]! / losses[index - 1]!),
      macd_signal: signal[index]!,
      bb_pct_b: sma20 !== null && std20 ? (bar.close - (sma20 - 2 * std20)) / (4 * std20) : null,
      vwap: bars20
        ? bars20.reduce((sum, row) => sum + row.close * row.volume, 0) /
          bars20.reduce((sum, row) => sum + row.volume, 0)
        : null,
      volume_ratio: bars20 ? bar.volume / mean(bars20.map((row) => row.volume)) : null,
      atr_14: index === 0 ? null : atr[index - 1]!,
      true_range: index === 0 ? null : trueRange[index - 1]!,
      macd_histogram: macd[index]! - signal[index]!,
      beta_60d: fullPairs
        ? (() => {
            const stock = fullPairs.map(([value]) => value);
            const market = fullPairs.map(([, value]) => value);
            const stockMean = mean(stock);
            const marketMean = mean(market);
            const covariance =
              stock.reduce((sum, value, row) => sum + (value - stockMean) * (market[row]! - marketMean), 0) /
              (stock.length - 1);
            return covariance / sampleStd(market) ** 2;
          })()
        : null,
      alpha_5d_topix: ret(index, 5) !== null && topix5 !== null ? ret(index, 5)! - topix5 : null,
      gap_open: index === 0 ? null : (bar.open - close[index - 1]!) / close[index - 1]!,
      upper_shadow: (bar.high - Math.max(bar.open, bar.close)) / (bar.high - bar.low),
    };
  });
}

function expectClose(actual: unknown, expected: number | null, label: string): void {
  if (expected === null || !Number.isFinite(expected)) {
    expect({ label, actual }).toEqual({ label, actual: null });
    return;
  }
  expect({ label, type: typeof actual }).toEqual({ label, type: "number" });
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (Math.abs((actual as number) - expected) > tolerance) throw new Error(`${label}: ${String(actual)} ≠ ${expected}`);
}

const isoDay = (value: unknown) => (value as Date).toISOString().slice(0, 10);

describe("buildDataset (real PostgreSQL and DuckDB, read back with hyparquet)", () => {
  let db: TestDatabase;
  let dir: string;
  const symbols = DATASET_FIXTURE_SYMBOLS.map((symbol) => `${symbol.code}.T`);
  const build = (overrides: Partial<DatasetBuild> = {}): DatasetBuild => ({
    dir: path.join(dir, `build-${Math.random().toString(36).slice(2)}`),
    format: "parquet",
    source: "yahoo",
    symbols,
    from: DAYS[0]!,
    to: LAST,
    request: { test: true },
    ...overrides,
  });
  async function parquetOf(overrides: Partial<DatasetBuild> = {}) {
    const request = build(overrides);
    const built = await buildDataset({ pool: db.pool, limits: LIMITS }, request);
    const rows = await readParquetRows(await readFile(path.join(request.dir, "dataset.parquet")));
    const metadata = JSON.parse(await readFile(path.join(request.dir, "metadata.json"), "utf8")) as DatasetMetadata;
    return { built, rows, metadata, dir: request.dir };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "kabuto-dataset-"));
    await seedDatasetFixture(db.pool);
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one row per (code, date) with every column, and the file reads back in another library", async () => {
    const { built, rows, metadata } = await parquetOf();
    const total = DATASET_FIXTURE_SYMBOLS.reduce((sum, symbol) => sum + symbol.days, 0);
    expect(rows).toHaveLength(total);
    expect(built.rows).toBe(total);
    expect(Object.keys(rows[0]!)).toEqual(DATASET_COLUMNS);
    expect(DATASET_COLUMNS.length).toBeGreaterThanOrEqual(62);
    expect(new Set(rows.map((row) => `${String(row.code)} ${isoDay(row.date)}`)).size).toBe(total);
    expect(metadata.shape).toEqual([total, DATASET_COLUMNS.length]);
    expect(metadata.date_range).toEqual({ start: DAYS[0], end: LAST });
    expect(metadata.topix).toEqual({ available: true, days: 130 });
    expect(metadata.request).toEqual({ test: true });
    expect(metadata.quality_checks.issues).toHaveProperty("ohlc_inconsistent", 0);
    expect(Object.values(metadata.features).reduce((sum, count) => sum + count, 0)).toBe(DATASET_COLUMNS.length - 2);
  });

  it("matches twenty features computed by hand over the split-adjusted bars, to 1e-9, for two symbols", async () => {
    const { rows } = await parquetOf();
    const topixRows = await db.pool.query<{ date: string; close: number }>(
      "SELECT to_char(date, 'YYYY-MM-DD') AS date, close FROM index_bars ORDER BY date",
    );
    for (const code of ["7203", "6758"]) {
      const { bars } = await readPriceBars(db.pool, {
        source: "yahoo",
        symbol: `${code}.T`,
        interval: "1d",
        from: new Date("2025-01-01T00:00:00Z"),
        to: new Date("2026-01-01T00:00:00Z"),
        adjust: "split",
        limit: 1000,
      });
      const dates = bars.map((bar) => bar.ts.toISOString().slice(0, 10));
      const topix = new Map(
        topixRows.rows.map((row) => [dates.indexOf(row.date), row.close] as const).filter(([index]) => index >= 0),
      );
      const expected = handFeatures(bars as Bar[], topix);
      const mine = rows.filter((row) => row.code === code);
      expect(mine.map((row) => isoDay(row.date))).toEqual(dates);
      for (const [index, features] of expected.entries())
        for (const [name, value] of Object.entries(features))
          expectClose(mine[index]![name], value, `${code} ${dates[index]} ${name}`);
    }
    // The split is undone on read: 6758's close never halves from one day to the next.
    const split = rows.filter((row) => row.code === "6758").map((row) => row.returns_1d as number | null);
    expect(Math.min(...split.filter((value): value is number => value !== null))).toBeGreaterThan(-0.1);
  });

  it("has no look-ahead: every feature of a row is the same when the rows after it are removed", async () => {
    const { rows: full } = await parquetOf();
    for (const cut of [DAYS[25]!, DAYS[70]!, DAYS[100]!]) {
      const { rows: truncated } = await parquetOf({ to: cut });
      expect(truncated.every((row) => isoDay(row.date) <= cut)).toBe(true);
      for (const code of ["7203", "6758"]) {
        const before = full.find((row) => row.code === code && isoDay(row.date) === cut)!;
        const after = truncated.find((row) => row.code === code && isoDay(row.date) === cut)!;
        for (const column of DATASET_COLUMNS) {
          if (typeof before[column] === "number")
            expectClose(after[column], before[column] as number, `${code} ${cut} ${column}`);
          else expect({ column, value: after[column] }).toEqual({ column, value: before[column] });
        }
      }
    }
  });

  it("gives a symbol with too few bars nulls where a window is not full, not an error", async () => {
    const { rows } = await parquetOf();
    const short = rows.filter((row) => row.code === "9984");
    expect(short).toHaveLength(12);
    for (const column of ["sma_20", "volatility_20d", "returns_60d", "beta_60d", "bb_upper", "atr_14", "rsi_14"])
      expect({ column, values: short.map((row) => row[column]) }).toEqual({ column, values: short.map(() => null) });
    expect(short[0]!.returns_1d).toBeNull();
    expect(typeof short[1]!.returns_1d).toBe("number");
    expect(typeof short[9]!.sma_10).toBe("number");
    expect(short[8]!.sma_10).toBeNull();
  });

  it("writes CSV with a header and the same values when asked for CSV", async () => {
    const request = build({ format: "csv", symbols: ["7203.T"] });
    const built = await buildDataset({ pool: db.pool, limits: LIMITS }, request);
    expect(built.files.map((file) => file.name)).toEqual(["dataset.csv", "metadata.json"]);
    const [header, ...lines] = (await readFile(path.join(request.dir, "dataset.csv"), "utf8")).trim().split("\n");
    expect(header!.split(",")).toEqual(DATASET_COLUMNS);
    expect(lines).toHaveLength(130);
    const { rows } = await parquetOf({ symbols: ["7203.T"] });
    const smaColumn = DATASET_COLUMNS.indexOf("sma_20");
    expectClose(Number(lines[50]!.split(",")[smaColumn]), rows[50]!.sma_20 as number, "csv sma_20");
  });
});

describe("buildDataset without stored TOPIX", () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "kabuto-dataset-"));
    await seedDatasetFixture(db.pool, { topix: false });
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves the TOPIX-relative columns null and says why in metadata.json", async () => {
    const out = path.join(dir, "no-topix");
    const built = await buildDataset(
      { pool: db.pool, limits: LIMITS },
      { dir: out, format: "parquet", source: "yahoo", symbols: ["7203.T"], from: DAYS[0]!, to: LAST, request: {} },
    );
    const rows = await readParquetRows(await readFile(path.join(out, "dataset.parquet")));
    for (const column of TOPIX_COLUMNS)
      expect({ column, nonNull: rows.filter((row) => row[column] !== null).length }).toEqual({ column, nonNull: 0 });
    expect(rows.filter((row) => row.sma_60 !== null).length).toBe(130 - 59);
    expect(built.metadata.topix).toMatchObject({ available: false, null_columns: TOPIX_COLUMNS });
    expect(built.metadata.topix.available === false && built.metadata.topix.reason).toMatch(/no TOPIX bars are stored/);
  });
});
