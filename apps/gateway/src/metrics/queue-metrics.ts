import type { Registry } from "prom-client";

import { QUEUE_NAMES, registerQueueJobsGauge } from "@kabuto/core";
import type { QueueRepository } from "@kabuto/queue";

/** `kabuto_queue_jobs{queue,state}` on the gateway's registry, from BullMQ's own job counts at each scrape. */
export function registerQueueMetrics(registry: Registry, queues: Pick<QueueRepository, "counts">): void {
  registerQueueJobsGauge(
    registry,
    async () => new Map(await Promise.all(QUEUE_NAMES.map(async (name) => [name, await queues.counts(name)] as const))),
  );
}
