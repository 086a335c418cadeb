import { randomBytes } from "node:crypto";
import { once } from "node:events";

import { Redis } from "ioredis";

import { DEFAULT_REDIS_URL } from "../env";
import { latestProgress, progressChannel, publishProgress } from "./progress-channel";
import type { BatchStatus } from "../batch/batch-status";
import type { ProgressEvent } from "./progress-event";

const event = (batchId: string, status: BatchStatus, processed: number): ProgressEvent => ({
  batch_id: batchId,
  status,
  unit: "symbols",
  progress: { total: 10, processed, successful: processed, failed: 0, percentage: processed * 10 },
  current_processing: [],
  estimated_completion: null,
  throughput: { stocks_per_minute: 0, records_per_minute: 0 },
  emitted_at: new Date(0).toISOString(),
});

describe("progress channel (real Redis)", () => {
  const url = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const publisher = new Redis(url);
  const subscriber = new Redis(url);
  const prefix = `t-${randomBytes(5).toString("hex")}`;
  const received: ProgressEvent[] = [];

  beforeAll(async () => {
    if (subscriber.status !== "ready") await once(subscriber, "ready");
    await subscriber.subscribe(progressChannel(prefix));
    subscriber.on("message", (_channel: string, message: string) => received.push(JSON.parse(message)));
  });

  afterAll(async () => {
    const keys = await publisher.keys(`${prefix}:*`);
    if (keys.length > 0) await publisher.del(...keys);
    await Promise.all([publisher.quit(), subscriber.quit()]);
  });

  it("publishes events in order, drops ones that would move a batch backwards, and keeps the latest", async () => {
    const outcomes = [];
    for (const [status, processed] of [
      ["running", 3],
      ["running", 2],
      ["running", 5],
      ["completed", 10],
      ["running", 10],
    ] as const) {
      outcomes.push(await publishProgress(publisher, prefix, event("b1", status, processed)));
    }
    expect(outcomes).toEqual([true, false, true, true, false]);
    await publisher.ping();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.map((item) => [item.status, item.progress.processed])).toEqual([
      ["running", 3],
      ["running", 5],
      ["completed", 10],
    ]);
    expect(await latestProgress(publisher, prefix, "b1")).toMatchObject({ status: "completed" });
    expect(await latestProgress(publisher, prefix, "unknown")).toBeNull();
  });

  it("lets a status change through whatever its count (resume after pause)", async () => {
    expect(await publishProgress(publisher, prefix, event("b2", "paused", 4))).toBe(true);
    expect(await publishProgress(publisher, prefix, event("b2", "running", 4))).toBe(true);
  });
});
