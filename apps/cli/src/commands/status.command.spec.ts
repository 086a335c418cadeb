import type { BulkJob } from "@kabuto/contract";

import { formatQuality } from "../job-summary";
import { renderJobStatus } from "./status.command";

const NO_ISSUES = {
  ohlc_inconsistent: 0,
  non_positive_price: 0,
  negative_volume: 0,
  price_jump: 0,
  missing_trading_day: 0,
  non_trading_day: 0,
  cross_source_mismatch: 0,
};

describe("kabuto status: the quality row", () => {
  const job: BulkJob = {
    id: "job-1",
    status: "completed",
    provider: "yahoo",
    interval: "1d",
    period: "1mo",
    unit: "symbols",
    plan: { from: null, to: null, units: 2, requests_estimated: 2, requests_used: 2, skipped: null },
    progress: { total: 2, processed: 2, successful: 2, failed: 0, progress_percentage: 100 },
    summary: { total_symbols: 2, successful: 2, failed: 0, records: 40, duration_seconds: 1, failures_by_class: {} },
    created_at: 0,
    updated_at: 0,
  };
  const qualityRow = (shown: BulkJob) => renderJobStatus(shown).find((line) => line.startsWith("品質"));

  it("says the checks are pending until they ran, then names what they found", () => {
    expect(qualityRow(job)).toMatch(/^品質 +チェック待ち$/);
    const quality = { ...NO_ISSUES, ohlc_inconsistent: 1 };
    expect(qualityRow({ ...job, summary: { ...job.summary!, quality } })).toMatch(
      /^品質 +四本値の矛盾 \(ohlc_inconsistent\) 1$/,
    );
    expect(qualityRow({ ...job, status: "cancelled" })).toBeUndefined();
  });
});

describe("formatQuality", () => {
  it("names the checks that found issues, label and API name, or says none did", () => {
    expect(formatQuality({ ...NO_ISSUES, price_jump: 2, missing_trading_day: 1 })).toBe(
      "理由のない急変 (price_jump) 2、営業日の欠け (missing_trading_day) 1",
    );
    expect(formatQuality(NO_ISSUES)).toBe("問題なし");
  });
});
