import { QueueEvents, type Job, type Queue } from "bullmq";
import type { Redis } from "ioredis";

import {
  JOB,
  QUEUE,
  QUEUE_NAMES,
  duplicateRedis,
  jobIdOf,
  jobOptionsOf,
  logRedisConnection,
  queueOf,
  type JobItem,
  type JobKey,
  type Logger,
  type QueueName,
} from "@kabuto/core";

import { openQueue } from "./open-queue";

/** Jobs added per round trip to Redis. */
const ADD_CHUNK = 1_000;
/** Job removals in flight at once (each is one round trip to Redis). */
const REMOVE_CHUNK = 10;

export interface QueueRepositoryOptions {
  /** A producer connection: fails fast when Redis is down. */
  connection: Redis;
  prefix: string;
  logger: Logger;
}

/**
 * The producer side of every queue (gateway, scheduler): jobs are described as JobItems and this
 * repository derives their queue, id and options from the contract in @kabuto/core. Modelled on
 * immich's job repository.
 */
export function createQueueRepository(options: QueueRepositoryOptions) {
  const queues = new Map<QueueName, Queue>(QUEUE_NAMES.map((name) => [name, openQueue(name, options)]));
  let masterSyncEvents: { events: QueueEvents; connection: Redis } | undefined;
  const queue = (name: QueueName) => queues.get(name)!;

  /** Groups items by queue, keeping their order within each queue. */
  function byQueue<Item extends JobKey>(items: readonly Item[]): Map<QueueName, Item[]> {
    const grouped = new Map<QueueName, Item[]>();
    for (const item of items) {
      const name = queueOf(item);
      const group = grouped.get(name);
      if (group) group.push(item);
      else grouped.set(name, [item]);
    }
    return grouped;
  }

  function masterSyncEventsOf(): QueueEvents {
    if (!masterSyncEvents) {
      const connection = duplicateRedis(options.connection, { enableOfflineQueue: true, maxRetriesPerRequest: null });
      logRedisConnection(connection, options.logger, "redis (master sync events)");
      const events = new QueueEvents(QUEUE.MASTER_SYNC, { connection, prefix: options.prefix });
      events.on("error", (error) => options.logger.warn("queue events error", { error: error.message }));
      masterSyncEvents = { events, connection };
    }
    return masterSyncEvents.events;
  }

  return {
    /** Adds every item, in bulk per queue; an item whose job id already exists is not added again. */
    async enqueueAll(items: readonly JobItem[]): Promise<void> {
      for (const [name, group] of byQueue(items)) {
        for (let start = 0; start < group.length; start += ADD_CHUNK) {
          await queue(name).addBulk(
            group.slice(start, start + ADD_CHUNK).map((item) => ({
              name: item.name,
              data: item.data,
              opts: jobOptionsOf(item),
            })),
          );
        }
      }
    },

    /** Takes these items' jobs off their queues where they are still waiting; running jobs finish. */
    async removeAll(items: readonly JobKey[]): Promise<void> {
      for (const [name, group] of byQueue(items)) {
        for (let start = 0; start < group.length; start += REMOVE_CHUNK) {
          await Promise.all(group.slice(start, start + REMOVE_CHUNK).map((item) => queue(name).remove(jobIdOf(item))));
        }
      }
    },

    /**
     * Waits until the master-sync job of `runId` has finished, failed, or `timeoutMs` passed;
     * never throws: the run's row in PostgreSQL says how it ended.
     */
    async waitForMasterSync(runId: number, timeoutMs: number): Promise<void> {
      const events = masterSyncEventsOf();
      await events.waitUntilReady();
      const job: Job | undefined = await queue(QUEUE.MASTER_SYNC).getJob(
        jobIdOf({ name: JOB.SYNC_MASTER, data: { runId } }),
      );
      await job?.waitUntilFinished(events, timeoutMs).catch(() => undefined);
    },

    /** Every queue, for the views that show them all (Bull Board). */
    all(): readonly Queue[] {
      return [...queues.values()];
    },

    /** Jobs of a queue by state, e.g. `{ waiting: 2 }`. */
    async counts(name: QueueName): Promise<Record<string, number>> {
      return queue(name).getJobCounts();
    },

    async close(): Promise<void> {
      if (masterSyncEvents) {
        await masterSyncEvents.events.close();
        // QueueEvents may already have ended its connection: quit() would then reject "Connection is closed".
        masterSyncEvents.connection.disconnect();
      }
      await Promise.all([...queues.values()].map((each) => each.close()));
    },
  };
}

export type QueueRepository = ReturnType<typeof createQueueRepository>;
