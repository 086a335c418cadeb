import type { BatchStatus, ProgressEvent } from "@kabuto/core";

import { ProgressThrottle } from "./progress-throttle";

const event = (status: BatchStatus, processed: number, batchId = "b1", at = processed): ProgressEvent => ({
  batch_id: batchId,
  status,
  unit: "symbols",
  progress: { total: 100, processed, successful: processed, failed: 0, percentage: processed },
  current_processing: [],
  estimated_completion: null,
  throughput: { stocks_per_minute: 0, records_per_minute: 0 },
  emitted_at: new Date(at * 1000).toISOString(),
});

describe("ProgressThrottle", () => {
  let sent: string[];
  let forgotten: string[];
  let throttle: ProgressThrottle;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    sent = [];
    forgotten = [];
    throttle = new ProgressThrottle({
      intervalMs: 250,
      send: (e) => sent.push(`${e.batch_id}/${e.status}:${e.progress.processed}`),
      forgetFinishedAfterMs: 60_000,
      forgetIdleAfterMs: 600_000,
      onForget: (batchId, finished) => forgotten.push(`${batchId}:${finished}`),
    });
  });

  afterEach(() => {
    throttle.close();
    jest.useRealTimers();
  });

  it("sends the first event at once, then the newest one once the interval ends", () => {
    throttle.push(event("running", 1));
    throttle.push(event("running", 2));
    throttle.push(event("running", 3));
    expect(sent).toEqual(["b1/running:1"]);
    jest.advanceTimersByTime(249);
    expect(sent).toEqual(["b1/running:1"]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual(["b1/running:1", "b1/running:3"]);
    jest.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(2);
    throttle.push(event("running", 4));
    expect(sent).toEqual(["b1/running:1", "b1/running:3", "b1/running:4"]);
  });

  it("keeps the interval against the clock when its timer fires early", () => {
    throttle.push(event("running", 1));
    throttle.push(event("running", 2));
    jest.setSystemTime(Date.now() - 5);
    jest.advanceTimersByTime(250);
    expect(sent).toEqual(["b1/running:1"]);
    jest.advanceTimersByTime(5);
    expect(sent).toEqual(["b1/running:1", "b1/running:2"]);
  });

  it("never goes backwards within a status, nor repeats an event, but follows a status change", () => {
    throttle.push(event("running", 5));
    jest.advanceTimersByTime(300);
    throttle.push(event("running", 4));
    throttle.push(event("running", 5));
    jest.advanceTimersByTime(300);
    throttle.push(event("running", 7));
    throttle.push(event("running", 6));
    jest.advanceTimersByTime(300);
    throttle.push(event("paused", 7));
    jest.advanceTimersByTime(300);
    throttle.push(event("running", 7, "b1", 99));
    jest.advanceTimersByTime(300);
    expect(sent).toEqual(["b1/running:5", "b1/running:7", "b1/paused:7", "b1/running:7"]);
  });

  it("sends a terminal event at once and only once, dropping the pending one and everything after", () => {
    throttle.push(event("running", 1));
    throttle.push(event("running", 2));
    throttle.push(event("completed", 100));
    throttle.push(event("running", 3));
    throttle.push(event("failed", 100));
    jest.advanceTimersByTime(1_000);
    expect(sent).toEqual(["b1/running:1", "b1/completed:100"]);
  });

  it("paces each batch on its own", () => {
    throttle.push(event("running", 1, "a"));
    throttle.push(event("running", 1, "b"));
    throttle.push(event("running", 2, "a"));
    expect(sent).toEqual(["a/running:1", "b/running:1"]);
    jest.advanceTimersByTime(250);
    expect(sent).toEqual(["a/running:1", "b/running:1", "a/running:2"]);
  });

  it("takes a stored event as sent only for a batch with nothing sent yet", () => {
    expect(throttle.seed(event("running", 10))).toBe(true);
    expect(throttle.seed(event("running", 12))).toBe(false);
    expect(throttle.lastSent("b1")?.progress.processed).toBe(10);
    throttle.push(event("running", 9));
    jest.advanceTimersByTime(300);
    expect(sent).toEqual([]);
    expect(throttle.seed(event("completed", 100, "c"))).toBe(true);
    throttle.push(event("completed", 100, "c"));
    expect(sent).toEqual([]);
  });

  it("forgets a finished batch a minute after its end and an idle one after the idle time", () => {
    throttle.push(event("completed", 100, "done"));
    throttle.push(event("running", 1, "idle"));
    jest.advanceTimersByTime(60_000);
    expect(forgotten).toEqual(["done:true"]);
    expect(throttle.size).toBe(1);
    jest.advanceTimersByTime(540_000);
    expect(forgotten).toEqual(["done:true", "idle:false"]);
    expect(throttle.size).toBe(0);
  });
});
