import {
  SCHEDULED_SYNC_BACKOFF,
  backoffDelayOf,
  jitteredBackoffDelay,
  jobIdOf,
  jobOptionsOf,
  queueOf,
} from "./job-options";
import { JOB_PRIORITIES, type JobItem, type JobPriority } from "./job-payloads";

describe("jitteredBackoffDelay", () => {
  it("doubles the ceiling with each attempt", () => {
    const highest = (attempt: number) => jitteredBackoffDelay(attempt, () => 1);
    expect([1, 2, 3, 4].map(highest)).toEqual([1000, 2000, 4000, 8000]);
  });

  it("draws anywhere from zero to the ceiling", () => {
    expect(jitteredBackoffDelay(3, () => 0)).toBe(0);
    expect(jitteredBackoffDelay(3, () => 0.5)).toBe(2000);
  });

  it("never waits more than a minute", () => {
    expect(jitteredBackoffDelay(30, () => 1)).toBe(60_000);
  });
});

describe("the job contract", () => {
  const yahoo: JobItem = {
    name: "fetch-prices",
    data: { batchId: "job-1", provider: "yahoo", unit: "7203.T", interval: "1d" },
  };
  const jquants: JobItem = {
    name: "fetch-prices",
    data: { batchId: "job-1", provider: "jquants", unit: "2026-11-26", interval: "1d" },
  };
  const masterSync: JobItem = { name: "sync-master", data: { runId: 42, trigger: "manual", source: "jpx" } };
  const marketSeries: JobItem = {
    name: "fetch-market-series",
    data: { batchId: "job-1", from: "2026-11-02", to: "2026-11-26" },
  };

  it("derives ids from the batch and unit, free of colons and spaces", () => {
    expect(jobIdOf(yahoo)).toBe("job-1-7203.T");
    expect(jobIdOf({ ...yahoo, data: { ...yahoo.data, batchId: "a:b", unit: "x y" } })).toBe("a_b-x_y");
    expect(jobIdOf(masterSync)).toBe("master-sync-42");
  });

  it("sends each provider's units to its own queue, with retries; a master sync runs once", () => {
    expect([yahoo, jquants, masterSync].map(queueOf)).toEqual(["price-fetch", "jquants-fetch", "master-sync"]);
    expect(jobOptionsOf(jquants)).toMatchObject({ attempts: 6, jobId: "job-1-2026-11-26" });
    expect(jobOptionsOf(masterSync)).toMatchObject({ attempts: 1, jobId: "master-sync-42" });
    expect(jobOptionsOf(masterSync).backoff).toBeUndefined();
  });

  it("retries a scheduled master sync three times, after 5, 15 and 30 minutes: within the hour", () => {
    const scheduled: JobItem = { name: "sync-master", data: { runId: 43, trigger: "scheduled", source: "jpx" } };
    const options = jobOptionsOf(scheduled);
    expect(options).toMatchObject({
      attempts: 4,
      backoff: { type: SCHEDULED_SYNC_BACKOFF },
      jobId: "master-sync-43",
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    const waits = [1, 2, 3].map((attemptsMade) => backoffDelayOf(attemptsMade, SCHEDULED_SYNC_BACKOFF) / 60_000);
    expect(waits).toEqual([5, 15, 30]);
    expect(waits.reduce((sum, wait) => sum + wait)).toBeLessThan(60);
  });

  it("serves a small batch before the daily update, and both before a backfill, TOPIX jobs alike", () => {
    const priority = (item: JobItem) => jobOptionsOf(item).priority;
    const withPriority = (item: JobItem, level: JobPriority) =>
      ({ ...item, data: { ...item.data, priority: level } }) as JobItem;
    const levels = JOB_PRIORITIES.map((level) => priority(withPriority(yahoo, level)));
    expect(levels).toEqual([...levels].sort((a, b) => a! - b!));
    expect(new Set(levels).size).toBe(3);
    expect(levels.every((level) => level! >= 1)).toBe(true);
    expect(priority(withPriority(marketSeries, "daily"))).toBe(priority(withPriority(yahoo, "daily")));
    expect(priority(masterSync)).toBeUndefined();
  });

  it("sends a batch's TOPIX and investor types to the J-Quants queue under one id per batch", () => {
    expect(queueOf(marketSeries)).toBe("jquants-fetch");
    expect(jobOptionsOf(marketSeries)).toMatchObject({ attempts: 6, jobId: "job-1-market-series" });
    const widened: JobItem = { ...marketSeries, data: { ...marketSeries.data, to: "2026-11-27" } };
    expect(jobOptionsOf(widened).jobId).toBe("job-1-market-series");
    expect(jobIdOf(marketSeries)).not.toBe(jobIdOf(jquants));
  });

  it("runs a batch's quality checks once, on their own queue, under an id derived from the batch", () => {
    const check: JobItem = { name: "check-quality", data: { checkId: "job-1764000000000-a1b2c3" } };
    expect(queueOf(check)).toBe("quality");
    expect(jobOptionsOf(check)).toMatchObject({ attempts: 3, jobId: "quality-job-1764000000000-a1b2c3" });
  });
});
