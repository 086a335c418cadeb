import { randomBytes } from "node:crypto";
import { once } from "node:events";

import { Redis } from "ioredis";

import { DEFAULT_REDIS_URL } from "../env";
import { publishScheduleChanged, scheduleChangedChannel } from "./schedule-changed";

describe("publishScheduleChanged", () => {
  const url = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const publisher = new Redis(url);
  const subscriber = new Redis(url);

  afterAll(async () => {
    await Promise.all([publisher.quit(), subscriber.quit()]);
  });

  it("publishes the job name on the schedule-changed channel of its prefix only", async () => {
    const prefix = `t-${randomBytes(5).toString("hex")}`;
    const jobName = "master_sync";
    // a SUBSCRIBE sent before the connection is ready races ioredis' own ready check (ioredis#2037)
    if (subscriber.status !== "ready") await once(subscriber, "ready");
    await subscriber.subscribe(scheduleChangedChannel(prefix));
    const received = new Promise<string>((resolve) =>
      subscriber.on("message", (channel: string, message: string) => resolve(`${channel} ${message}`)),
    );
    expect(await publishScheduleChanged(publisher, `${prefix}-other`, jobName)).toBe(0);
    expect(await publishScheduleChanged(publisher, prefix, jobName)).toBe(1);
    expect(await received).toBe(`${prefix}:kabuto.schedule-changed master_sync`);
  });
});
