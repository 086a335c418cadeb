import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";

import { QUEUE } from "@kabuto/core";

/** The gateway's handle on the master-sync queue, and its events to wait for a sync to finish. */
export interface MasterSyncQueue {
  queue: Queue;
  events: QueueEvents;
  close(): Promise<void>;
}

export function createMasterSyncQueue(redis: Redis, prefix: string): MasterSyncQueue {
  const queue = new Queue(QUEUE.MASTER_SYNC, { connection: redis, prefix });
  const eventsConnection = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  const events = new QueueEvents(QUEUE.MASTER_SYNC, { connection: eventsConnection, prefix });
  return {
    queue,
    events,
    async close() {
      await events.close();
      await queue.close();
      // QueueEvents may already have ended its connection: quit() would then reject "Connection is closed".
      eventsConnection.disconnect();
    },
  };
}
