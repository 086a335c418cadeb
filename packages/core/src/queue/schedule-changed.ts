import type { Redis } from "ioredis";

import { CHANNEL } from "./queue-names";

/**
 * Tells every running scheduler that a sync_schedules row changed (call it after the write), so the
 * new time takes effect at once instead of at the schedulers' next poll. Resolves with the number of
 * subscribers that received it.
 */
export function publishScheduleChanged(redis: Pick<Redis, "publish">, jobName: string): Promise<number> {
  return redis.publish(CHANNEL.SCHEDULE_CHANGED, jobName);
}
