import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import { QUEUE } from "@kabuto/core";

/** The gateway's handle on the price-fetch queue (it only adds and removes jobs). */
export function createPriceFetchQueue(redis: Redis, prefix: string): Queue {
  return new Queue(QUEUE.PRICE_FETCH, { connection: redis, prefix });
}
