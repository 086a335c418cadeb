import { formatClock, formatCount, displayWidth } from "./format";
import { renderJobSummary, exitCodeForStatus } from "./job-summary";
import { formatEta, formatThroughput, renderBar, renderProgressLine } from "./progress-line";
import type { ProgressSnapshot } from "./progress-snapshot";
import { createProgressView } from "./progress-view";
import { createRateEstimator, etaSeconds } from "./rate-estimator";
import { captureOutput, manualClock } from "./testing/test-deps";
import type { BulkJob } from "@kabuto/contract";

const snapshot = (overrides: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  status: "running",
  unit: "symbols",
  total: 4358,
  processed: 1970,
  successful: 1967,
  failed: 3,
  percentage: 45.2,
  perMinute: null,
  estimatedCompletion: null,
  ...overrides,
});

describe("bar and line", () => {
  it("fills the bar by the fraction done, clamped", () => {
    expect(renderBar(0, 10)).toBe("[░░░░░░░░░░]");
    expect(renderBar(0.45, 10)).toBe("[█████░░░░░]");
    expect(renderBar(1, 10)).toBe("[██████████]");
    expect(renderBar(1.7, 4)).toBe("[████]");
  });

  it("shows status, bar, percentage, counts with their unit, failures, throughput and ETA", () => {
    expect(renderProgressLine({ snapshot: snapshot(), perSecond: 152.23, etaSeconds: 16.4 })).toBe(
      "実行中 [██████████████░░░░░░░░░░░░░░░░]  45.2%  1,970/4,358 銘柄  失敗 3  152.2 銘柄/秒  残り 0:16",
    );
  });

  it("counts dates for J-Quants jobs, per minute when slow, and no ETA while paused", () => {
    expect(
      renderProgressLine({
        snapshot: snapshot({ unit: "dates", total: 245, processed: 12, failed: 0, percentage: 4.9 }),
        perSecond: 0.5,
        etaSeconds: 466,
      }),
    ).toBe("実行中 [█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   4.9%  12/245 日  失敗 0  30 日/分  残り 7:46");
    const paused = renderProgressLine({ snapshot: snapshot({ status: "paused" }), perSecond: 10, etaSeconds: 5 });
    expect(paused.startsWith("一時停止中 [")).toBe(true);
    expect(paused.endsWith("失敗 3  - 銘柄/秒  残り --:--")).toBe(true);
  });

  it("fits the bar to the terminal's columns", () => {
    const wide = renderProgressLine({ snapshot: snapshot(), perSecond: 1, etaSeconds: 1, columns: 200 });
    const narrow = renderProgressLine({ snapshot: snapshot(), perSecond: 1, etaSeconds: 1, columns: 80 });
    expect(wide).toContain(`[${"█".repeat(18)}${"░".repeat(22)}]`);
    expect(displayWidth(narrow)).toBeLessThan(80);
  });

  it("formats numbers for ja-JP and durations as clocks", () => {
    expect(formatCount(1056309)).toBe("1,056,309");
    expect(formatThroughput(36883.4, "symbols")).toBe("36,883.4 銘柄/秒");
    expect(formatThroughput(null, "symbols")).toBe("- 銘柄/秒");
    expect(formatClock(59.6)).toBe("1:00");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatEta(null)).toBe("残り --:--");
  });
});

describe("rate and ETA", () => {
  it("measures units per second over the last window only", () => {
    const rate = createRateEstimator(10_000);
    expect(rate.perSecond()).toBeNull();
    rate.add(0, 0);
    expect(rate.perSecond()).toBeNull();
    rate.add(5_000, 500);
    expect(rate.perSecond()).toBe(100);
    rate.add(20_000, 600);
    rate.add(25_000, 700);
    expect(rate.perSecond()).toBe(20);
  });

  it("estimates the time left, unknown while nothing moves", () => {
    expect(etaSeconds(1000, 50)).toBe(20);
    expect(etaSeconds(1000, 0)).toBeNull();
    expect(etaSeconds(1000, null)).toBeNull();
    expect(etaSeconds(0, null)).toBe(0);
  });
});

describe("progress view", () => {
  it("redraws in place on a TTY with the cursor hidden, and shows it again at the end", () => {
    const out = captureOutput({ isTTY: true });
    const view = createProgressView(out, manualClock(), 3000);
    view.update("a", "running");
    view.update("b", "running");
    view.finish("c");
    expect(out.text()).toBe("\x1b[?25l\ra\x1b[K\rb\x1b[K\rc\x1b[K\n\x1b[?25h");
  });

  it("gives the cursor back when aborted (Ctrl-C)", () => {
    const out = captureOutput({ isTTY: true });
    const view = createProgressView(out, manualClock(), 3000);
    view.update("a", "running");
    view.abort();
    expect(out.text()).toBe("\x1b[?25l\ra\x1b[K\n\x1b[?25h");
  });

  it("prints a line every few seconds and at each status change without a TTY", () => {
    const out = captureOutput();
    const clock = manualClock();
    const view = createProgressView(out, clock, 3000);
    view.update("1", "running");
    clock.advance(1000);
    view.update("2", "running");
    clock.advance(2000);
    view.update("3", "running");
    clock.advance(500);
    view.update("4", "paused");
    clock.advance(500);
    view.update("5", "paused");
    view.finish("6");
    expect(out.text()).toBe("1\n3\n4\n6\n");
  });
});

describe("summary", () => {
  const job: BulkJob = {
    id: "job-1",
    status: "completed",
    provider: "yahoo",
    interval: "1d",
    period: "1y",
    unit: "symbols",
    plan: {
      from: "2025-11-26",
      to: "2026-11-26",
      units: 4_358,
      requests_estimated: 4_358,
      requests_used: 4_361,
      skipped: "2015-01-05 – 2016-11-25 (467 trading days) before the standard plan's window 2016-11-26 – 2026-11-26",
    },
    progress: { total: 4358, processed: 4358, successful: 4355, failed: 3, progress_percentage: 100 },
    summary: {
      total_symbols: 4358,
      successful: 4355,
      failed: 3,
      records: 1056309,
      duration_seconds: 28.64,
      failures_by_class: { permanent: 2, temporary: 1 },
    },
    created_at: 0,
    updated_at: 0,
  };

  it("tells status, successes, failures by class, records and duration", () => {
    expect(renderJobSummary(job)).toEqual([
      "計画: 2025-11-26〜2026-11-26、リクエスト 4,361 回 (見積もり 4,358 回)",
      "対象外: 2015-01-05 – 2016-11-25 (467 trading days) before the standard plan's window 2016-11-26 – 2026-11-26",
      "job-1 完了: 4,358 銘柄中 成功 4,355 / 失敗 3、保存 1,056,309 件、所要 28.6 秒",
      "失敗の内訳: permanent 2、temporary 1",
    ]);
    expect(exitCodeForStatus("completed")).toBe(0);
  });

  it("counts what a stop left untouched and gives the reason of a failure", () => {
    const cancelled: BulkJob = {
      ...job,
      status: "cancelled",
      progress: { ...job.progress, processed: 8, successful: 8, failed: 0 },
      summary: { ...job.summary!, total_symbols: 20, successful: 8, failed: 0, records: 160, failures_by_class: {} },
      plan: { from: null, to: null, units: 20, requests_estimated: 20, requests_used: 8, skipped: null },
      error: "stopped by user",
    };
    expect(renderJobSummary(cancelled)).toEqual([
      "計画: リクエスト 8 回 (見積もり 20 回)",
      "job-1 停止済み: 20 銘柄中 成功 8 / 失敗 0 / 未処理 12、保存 160 件、所要 28.6 秒",
      "理由: stopped by user",
    ]);
    expect(exitCodeForStatus("cancelled")).toBe(1);
    expect(exitCodeForStatus("failed")).toBe(1);
  });
});
