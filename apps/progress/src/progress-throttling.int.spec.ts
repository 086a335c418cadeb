import { isTerminalProgress, publishProgress } from "@kabuto/core";
import { createTestRedis, type TestRedis } from "@kabuto/testkit";

import {
  connectClient,
  progressEvent,
  startTestProgress,
  summary,
  type TestClient,
  type TestProgress,
} from "./testing/progress-harness";

describe("throttling at the default 250 ms (real Redis)", () => {
  let redis: TestRedis;
  let progress: TestProgress;
  let client: TestClient;

  beforeAll(async () => {
    redis = createTestRedis();
    progress = await startTestProgress(redis.prefix);
    client = await connectClient(progress.url);
  });

  afterAll(async () => {
    client.socket.close();
    await progress.close();
    await redis.cleanup();
  });

  it("turns 1,000 events in about a second into one per 250 ms window, the newest last", async () => {
    // Timed where the server sends: on a busy machine the client may read several frames at once.
    const sentAt: number[] = [];
    progress.server.io.sockets.sockets.get(client.socket.id!)!.onAnyOutgoing(() => sentAt.push(Date.now()));
    await client.join("busy");
    const started = Date.now();
    for (let burst = 0; burst < 10; burst++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          publishProgress(redis.connection, redis.prefix, progressEvent("busy", "running", burst * 100 + index + 1)),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (burst + 1) * 100 - Date.now())));
    }
    const publishing = Date.now() - started;
    await client.waitFor("busy at 1,000", (event) => event.progress.processed === 1_000);
    const sent = client.received.length;
    await publishProgress(redis.connection, redis.prefix, progressEvent("busy", "completed", 1_000));
    await client.waitFor("the terminal event of busy", isTerminalProgress);

    expect(sentAt).toHaveLength(sent + 1);
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThanOrEqual(Math.ceil(publishing / 250) + 1);
    // Exactly 250 ms apart in the throttle (see its unit test); here the process may be preempted
    // between sending and timing, so two in one window pass but three would not.
    for (let index = 2; index < sent; index++) expect(sentAt[index]! - sentAt[index - 2]!).toBeGreaterThanOrEqual(250);
    expect(summary(client.received[sent - 1]!)).toBe("busy/running:1000");
    expect(client.received.slice(sent).map(summary)).toEqual(["busy/completed:1000"]);
  });
});
