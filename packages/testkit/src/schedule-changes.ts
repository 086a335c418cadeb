import { Redis } from "ioredis";

import { scheduleChangedChannel } from "@kabuto/core";

import { testServers } from "./test-env";

/** The schedule changes announced to schedulers since subscribing, as a scheduler receives them. */
export interface ScheduleChanges {
  /** The job names announced, in order. */
  received: string[];
  close(): Promise<void>;
}

/** Subscribes to the schedule-changed channel of one queue prefix, as a scheduler of it does. */
export async function subscribeScheduleChanges(prefix: string): Promise<ScheduleChanges> {
  const subscriber = new Redis(testServers().redisUrl, { maxRetriesPerRequest: null });
  const received: string[] = [];
  subscriber.on("message", (channel: string, jobName: string) => {
    if (channel === scheduleChangedChannel(prefix)) received.push(jobName);
  });
  await subscriber.subscribe(scheduleChangedChannel(prefix));
  return {
    received,
    async close() {
      await subscriber.quit();
    },
  };
}
