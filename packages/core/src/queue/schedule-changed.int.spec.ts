import { randomBytes } from "node:crypto";
import { once } from "node:events";

import { Redis } from "ioredis";

import { DEFAULT_REDIS_URL } from "../env";
import { CHANNEL } from "./queue-names";
import { publishScheduleChanged } from "./schedule-changed";

describe("publishScheduleChanged", () => {
  const url = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const publisher = new Redis(url);
  const subscriber = new Redis(url);

  afterAll(async () => {
    await Promise.all([publisher.quit(), subscriber.quit()]);
  });

  it("publishes the job name on the schedule-changed channel", async () => {
    // other test files may publish on the same channel at the same time
    const jobName = `test-${randomBytes(4).toString("hex")}`;
    // a SUBSCRIBE sent before the connection is ready races ioredis' own ready check (ioredis#2037)
    if (subscriber.status !== "ready") await once(subscriber, "ready");
    await subscriber.subscribe(CHANNEL.SCHEDULE_CHANGED);
    const received = new Promise<string>((resolve) =>
      subscriber.on("message", (channel: string, message: string) => {
        if (message === jobName) resolve(channel);
      }),
    );
    expect(await publishScheduleChanged(publisher, jobName)).toBeGreaterThanOrEqual(1);
    expect(await received).toBe(CHANNEL.SCHEDULE_CHANGED);
  });
});
