import { isTerminalProgress, progressChannel, publishProgress, type ProgressEvent } from "@kabuto/core";
import { createTestRedis, type TestRedis } from "@kabuto/testkit";

import {
  connectClient,
  drain,
  eventsOf,
  progressEvent,
  startTestProgress,
  summary,
  type TestClient,
  type TestProgress,
} from "./testing/progress-harness";

/** Within each status, `processed` never goes down; nothing follows a terminal event. */
function expectOrdered(events: ProgressEvent[]): void {
  for (const [index, event] of events.entries()) {
    const previous = events[index - 1];
    if (previous === undefined) continue;
    expect(isTerminalProgress(previous)).toBe(false);
    if (previous.status === event.status)
      expect(event.progress.processed).toBeGreaterThanOrEqual(previous.progress.processed);
  }
}

describe("progress server (real Redis)", () => {
  let redis: TestRedis;
  let progress: TestProgress;
  const clients: TestClient[] = [];
  const client = async (apiKey?: string, url = progress.url) => {
    const connected = await connectClient(url, apiKey);
    clients.push(connected);
    return connected;
  };

  beforeAll(async () => {
    redis = createTestRedis();
    progress = await startTestProgress(redis.prefix, { PROGRESS_THROTTLE_MS: "50" });
  });

  afterEach(() => {
    for (const connected of clients.splice(0)) connected.socket.close();
  });

  afterAll(async () => {
    await progress.close();
    await redis.cleanup();
  });

  it("sends a joining client the batch's current state, then ordered progress, then one terminal event", async () => {
    const publish = (event: ProgressEvent) => publishProgress(redis.connection, redis.prefix, event);
    const watcher = await client();
    await watcher.join("all");
    for (let processed = 1; processed <= 50; processed++) await publish(progressEvent("run", "running", processed));
    await watcher.waitFor("run at 50", (event) => event.batch_id === "run" && event.progress.processed === 50);

    const late = await client();
    expect(await late.join("run")).toEqual({ ok: true });
    await late.waitFor("the latest event of run", (event) => event.batch_id === "run");
    expect(summary(late.received[0]!)).toBe("run/running:50");

    const stale = (processed: number) =>
      redis.connection.publish(
        progressChannel(redis.prefix),
        JSON.stringify(progressEvent("run", "running", processed)),
      );
    const published = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const processed = 51 + index;
        if (index % 20 === 0) void stale(processed - 30);
        return publish(progressEvent("run", "running", index % 10 === 4 ? processed - 5 : processed));
      }),
    );
    expect(published.filter((accepted) => !accepted)).toHaveLength(20);
    await redis.connection.publish(progressChannel(redis.prefix), "not json");
    await redis.connection.publish(
      progressChannel(redis.prefix),
      JSON.stringify({ batch_id: "run", status: "running" }),
    );
    await late.waitFor("run at 250", (event) => event.progress.processed === 250);
    await publish(progressEvent("run", "completed", 1_000));
    await stale(999);
    await redis.connection.publish(
      progressChannel(redis.prefix),
      JSON.stringify(progressEvent("run", "failed", 1_000)),
    );
    await drain(redis.connection, redis.prefix, [late, watcher]);

    for (const received of [eventsOf(late, "run"), eventsOf(watcher, "run")]) {
      expectOrdered(received);
      expect(received.filter(isTerminalProgress).map(summary)).toEqual(["run/completed:1000"]);
      expect(summary(received.at(-2)!)).toBe("run/running:250");
    }
    expect(eventsOf(late, "run").length).toBeLessThan(30);
  });

  it("sends a batch that ended before the join its terminal event, read from Redis, once", async () => {
    await publishProgress(redis.connection, redis.prefix, progressEvent("ended", "cancelled", 7));
    const first = await client();
    const second = await client();
    await Promise.all([first.join("ended"), second.join("ended")]);
    await drain(redis.connection, redis.prefix, [first, second]);
    expect(eventsOf(first, "ended").map(summary)).toEqual(["ended/cancelled:7"]);
    expect(eventsOf(second, "ended").map(summary)).toEqual(["ended/cancelled:7"]);
  });

  it("delivers each event to its batch's room, to all, and company events to master-sync", async () => {
    const [one, two, all, master, leaver] = await Promise.all([client(), client(), client(), client(), client()]);
    await Promise.all([one.join("b1"), two.join("b2"), all.join("all"), master.join("master-sync"), leaver.join("b3")]);
    expect(await leaver.leave("b3")).toEqual({ ok: true });
    for (const event of [
      progressEvent("b1", "running", 1),
      progressEvent("b2", "running", 1, { unit: "dates" }),
      progressEvent("m1", "running", 1, { unit: "companies" }),
      progressEvent("b3", "running", 1),
      progressEvent("b1", "completed", 2),
      progressEvent("b2", "failed", 2, { unit: "dates" }),
      progressEvent("m1", "completed", 2, { unit: "companies" }),
    ]) {
      await publishProgress(redis.connection, redis.prefix, event);
    }
    await drain(redis.connection, redis.prefix, [one, two, all, master, leaver]);
    const batches = (received: TestClient) =>
      received.received.map((event) => event.batch_id).filter((batchId) => !batchId.startsWith("barrier-"));
    expect(batches(one)).toEqual(["b1", "b1"]);
    expect(batches(two)).toEqual(["b2", "b2"]);
    expect(batches(master)).toEqual(["m1", "m1"]);
    expect(batches(all)).toEqual(["b1", "b2", "m1", "b3", "b1", "b2", "m1"]);
    expect(batches(leaver)).toEqual([]);
  });

  it("answers a subscribe or unsubscribe without a valid batch_id or all with an error", async () => {
    const connected = await client();
    expect(await connected.join("")).toEqual({ ok: false, error: "batch_id が空です" });
    expect(await connected.socket.timeout(5_000).emitWithAck("subscribe", { room: "b1" })).toEqual({
      ok: false,
      error: '{ batch_id: バッチID または "master-sync" } か { all: true } を指定してください',
    });
    expect(await connected.socket.timeout(5_000).emitWithAck("unsubscribe", "b1")).toMatchObject({ ok: false });
    expect(await connected.join("x".repeat(65))).toMatchObject({ ok: false });
  });

  describe("with API_KEY", () => {
    const apiKey = "k".repeat(32);
    let guarded: TestProgress;

    beforeAll(async () => {
      guarded = await startTestProgress(redis.prefix, { API_KEY: apiKey });
    });

    afterAll(() => guarded.close());

    it("refuses a missing or wrong key and accepts the right one", async () => {
      await expect(client(undefined, guarded.url)).rejects.toThrow("unauthorized");
      await expect(client("k".repeat(31), guarded.url)).rejects.toThrow("unauthorized");
      await expect(client(`${apiKey}x`, guarded.url)).rejects.toThrow("unauthorized");
      const accepted = await client(apiKey, guarded.url);
      expect(await accepted.join("all")).toEqual({ ok: true });
    });
  });
});
