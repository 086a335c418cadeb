import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import type { Logger } from "@kabuto/core";

/** Opens one BullMQ queue with an error listener: the only place Kabuto constructs a Queue. */
export function openQueue(name: string, options: { connection: Redis; prefix: string; logger: Logger }): Queue {
  const queue = new Queue(name, { connection: options.connection, prefix: options.prefix });
  queue.on("error", (error) => options.logger.warn("queue error", { queue: name, error: error.message }));
  return queue;
}
