import { isTerminalProgress, publishProgress } from "@kabuto/core";
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

describe("two progress instances side by side (real Redis)", () => {
  let redis: TestRedis;
  let instances: TestProgress[];
  let clients: TestClient[];

  beforeAll(async () => {
    redis = createTestRedis();
    // Unthrottled, so that both instances send every event and the sequences can be compared.
    instances = await Promise.all([1, 2].map(() => startTestProgress(redis.prefix, { PROGRESS_THROTTLE_MS: "0" })));
    clients = await Promise.all(instances.flatMap(({ url }) => [connectClient(url), connectClient(url)]));
  });

  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await Promise.all(instances.map((instance) => instance.close()));
    await redis.cleanup();
  });

  it("deliver every event to the clients of either, each exactly once", async () => {
    await Promise.all(clients.map((client, index) => client.join(index % 2 === 0 ? "wide" : "all")));
    const published = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        publishProgress(redis.connection, redis.prefix, progressEvent("wide", "running", index + 1)),
      ),
    );
    expect(published.every(Boolean)).toBe(true);
    await publishProgress(redis.connection, redis.prefix, progressEvent("wide", "completed", 1_000));
    await drain(redis.connection, redis.prefix, clients);

    const expected = [...Array.from({ length: 100 }, (_, index) => `wide/running:${index + 1}`), "wide/completed:1000"];
    for (const client of clients) {
      expect(eventsOf(client, "wide").map(summary)).toEqual(expected);
      expect(eventsOf(client, "wide").filter(isTerminalProgress)).toHaveLength(1);
    }
  });
});
