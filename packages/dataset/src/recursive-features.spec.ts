import { recursiveFeatures, type RecursiveFeatures } from "./recursive-features";

function run(closes: number[], spread = 2): RecursiveFeatures[] {
  const next = recursiveFeatures();
  return closes.map((close) => next({ high: close + spread, low: close - spread, close }));
}

describe("recursiveFeatures", () => {
  it("seeds every EMA with the first close, then weights by 2/(n+1)", () => {
    const [first, second] = run([100, 110]);
    expect(first).toMatchObject({ ema_5: 100, ema_10: 100, ema_20: 100, ema_60: 100, macd: 0, macd_signal: 0 });
    expect(second!.ema_5).toBeCloseTo(100 + (10 * 2) / 6, 12);
    expect(second!.ema_10).toBeCloseTo(100 + (10 * 2) / 11, 12);
    expect(second!.macd).toBeCloseTo((10 * 2) / 13 - (10 * 2) / 27, 12);
  });

  it("gives Wilder's RSI from the 15th row on: the mean of 14 changes first, then (13·prev + x)/14", () => {
    const closes = [50, 51, 50, 52, 53, 52, 54, 55, 54, 56, 57, 56, 58, 59, 58, 60];
    const rows = run(closes);
    expect(rows.slice(0, 14).map((row) => row.rsi_14)).toEqual(Array(14).fill(null));
    const changes = closes.slice(1).map((close, index) => close - closes[index]!);
    const gain = changes.slice(0, 14).reduce((sum, change) => sum + Math.max(change, 0), 0) / 14;
    const loss = changes.slice(0, 14).reduce((sum, change) => sum + Math.max(-change, 0), 0) / 14;
    expect(rows[14]!.rsi_14).toBeCloseTo(100 - 100 / (1 + gain / loss), 12);
    const nextGain = (gain * 13 + 2) / 14;
    const nextLoss = (loss * 13) / 14;
    expect(rows[15]!.rsi_14).toBeCloseTo(100 - 100 / (1 + nextGain / nextLoss), 12);
  });

  it("says 100 for a series that never fell", () => {
    expect(run(Array.from({ length: 20 }, (_, day) => 100 + day)).at(-1)!.rsi_14).toBe(100);
  });

  it("has no true range on the first row and ATR from the 15th: the mean of the first 14 true ranges", () => {
    const rows = run(
      Array.from({ length: 16 }, () => 100),
      3,
    );
    expect(rows[0]!.true_range).toBeNull();
    expect(rows[1]!.true_range).toBe(6);
    expect(rows[13]!.atr_14).toBeNull();
    expect(rows[14]!.atr_14).toBe(6);
    expect(rows[15]!.atr_14).toBe(6);
  });
});
