import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import { JOB, JOB_QUEUE, type Provider } from "@kabuto/core";

/** The gateway's handles on the price queues, one per provider (it only adds and removes jobs). */
export type PriceFetchQueues = Record<Provider, Queue>;

export function createPriceFetchQueues(redis: Redis, prefix: string): PriceFetchQueues {
  return {
    yahoo: new Queue(JOB_QUEUE[JOB.FETCH_SYMBOL], { connection: redis, prefix }),
    jquants: new Queue(JOB_QUEUE[JOB.FETCH_DATE], { connection: redis, prefix }),
  };
}

export async function closePriceFetchQueues(queues: PriceFetchQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
