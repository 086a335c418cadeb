import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import { JOB, JOB_QUEUE, type Provider } from "@kabuto/core";

/** The gateway's handle on a provider's price queue (it only adds and removes jobs). */
export function createPriceFetchQueue(redis: Redis, prefix: string, provider: Provider = "yahoo"): Queue {
  return new Queue(JOB_QUEUE[provider === "jquants" ? JOB.FETCH_DATE : JOB.FETCH_SYMBOL], {
    connection: redis,
    prefix,
  });
}
