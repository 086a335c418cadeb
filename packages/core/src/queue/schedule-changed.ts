import type { Redis } from "ioredis";

import { CHANNEL } from "./queue-names";

/** The channel schedule changes are announced on, under one queue prefix (one Kabuto installation). */
export function scheduleChangedChannel(prefix: string): string {
  return `${prefix}:${CHANNEL.SCHEDULE_CHANGED}`;
}

/**
 * Tells every running scheduler of this installation that a sync_schedules row changed (call it
 * after the write), so the new time takes effect at once instead of at the schedulers' next poll.
 * Resolves with the number of subscribers that received it.
 */
export function publishScheduleChanged(
  redis: Pick<Redis, "publish">,
  prefix: string,
  jobName: string,
): Promise<number> {
  return redis.publish(scheduleChangedChannel(prefix), jobName);
}
