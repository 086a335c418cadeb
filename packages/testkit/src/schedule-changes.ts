import { Redis } from "ioredis";

import { CHANNEL } from "@kabuto/core";

import { testServers } from "./test-env";

/** The schedule changes announced to schedulers since subscribing, as a scheduler receives them. */
export interface ScheduleChanges {
  /** The job names announced, in order. */
  received: string[];
  close(): Promise<void>;
}

/**
 * Subscribes to the schedule-changed channel. The channel is not per queue prefix, so subscribe
 * just before the change a test makes and close right after: other test files may announce too.
 */
export async function subscribeScheduleChanges(): Promise<ScheduleChanges> {
  const subscriber = new Redis(testServers().redisUrl, { maxRetriesPerRequest: null });
  const received: string[] = [];
  subscriber.on("message", (channel: string, jobName: string) => {
    if (channel === CHANNEL.SCHEDULE_CHANGED) received.push(jobName);
  });
  await subscriber.subscribe(CHANNEL.SCHEDULE_CHANGED);
  return {
    received,
    async close() {
      await subscriber.quit();
    },
  };
}
