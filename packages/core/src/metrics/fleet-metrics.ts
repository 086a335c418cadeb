import { Counter, Gauge, Histogram, type Registry } from "prom-client";

import { METRIC } from "./metric-names";
import type { UpstreamObserver } from "./upstream-observer";

/** Outcome label of `kabuto_jobs_total`: how one attempt of a job ended. */
export type JobOutcome = "completed" | "failed" | "retried" | "rate_limited" | "held";

/** The counters a worker process fills as it runs jobs, talks to upstreams and stores rows. */
export interface WorkerMetrics {
  jobs: Counter<"queue" | "outcome" | "error_class">;
  jobDuration: Histogram<"queue">;
  upstreamRequests: Counter<"provider" | "status">;
  rateLimitWait: Counter<"provider">;
  rowsWritten: Counter<"source">;
}

/** Registers the worker's metrics on `registry`. */
export function createWorkerMetrics(registry: Registry): WorkerMetrics {
  const registers = [registry];
  return {
    jobs: new Counter({
      name: METRIC.JOBS,
      help: "Job attempts by queue, outcome and error class (none when completed)",
      labelNames: ["queue", "outcome", "error_class"],
      registers,
    }),
    jobDuration: new Histogram({
      name: METRIC.JOB_DURATION,
      help: "Time one job attempt ran, by queue",
      labelNames: ["queue"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    upstreamRequests: new Counter({
      name: METRIC.UPSTREAM_REQUESTS,
      help: "HTTP requests to Yahoo, J-Quants and JPX by provider and status (the HTTP status, or timeout / network)",
      labelNames: ["provider", "status"],
      registers,
    }),
    rateLimitWait: new Counter({
      name: METRIC.RATE_LIMIT_WAIT,
      help: "Seconds requests waited for their slot in the fleet's rate gate, plus the hold each job a 429 sent back waits, by provider",
      labelNames: ["provider"],
      registers,
    }),
    rowsWritten: new Counter({
      name: METRIC.ROWS_WRITTEN,
      help: "Price bars written (inserted or updated) by source",
      labelNames: ["source"],
      registers,
    }),
  };
}

/** Jobs of one queue by BullMQ state, e.g. `{ waiting: 3, active: 1 }`. */
export type QueueJobCounts = Record<string, number>;

/**
 * `kabuto_queue_jobs{queue,state}`, read from the queues at each scrape. Here and in the other
 * gauges read at a scrape, a store that does not answer leaves the series out rather than failing
 * the whole scrape: the app's health check reports the outage.
 */
export function registerQueueJobsGauge(
  registry: Registry,
  read: () => Promise<ReadonlyMap<string, QueueJobCounts>>,
): Gauge<"queue" | "state"> {
  return new Gauge({
    name: METRIC.QUEUE_JOBS,
    help: "Jobs in each queue by BullMQ state, read at each scrape",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await read().catch(() => new Map<string, QueueJobCounts>());
      for (const [queue, states] of counts) {
        for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
      }
    },
  });
}

/** `kabuto_progress_clients`: the Socket.IO clients connected to this progress instance. */
export function registerProgressClientsGauge(registry: Registry, read: () => number): Gauge {
  return new Gauge({
    name: METRIC.PROGRESS_CLIENTS,
    help: "Socket.IO clients connected to this progress instance",
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/** When the last batch of each type completed, as PostgreSQL says at each scrape. */
export interface BatchLastSuccess {
  type: string;
  finishedAt: Date;
}

/**
 * `kabuto_batch_last_success_timestamp_seconds{type}`, read from the database at each scrape, so
 * it survives restarts and every replica reports the same.
 */
export function registerBatchLastSuccessGauge(
  registry: Registry,
  read: () => Promise<readonly BatchLastSuccess[]>,
): Gauge<"type"> {
  return new Gauge({
    name: METRIC.BATCH_LAST_SUCCESS,
    help: "Unix time the last batch of each type completed",
    labelNames: ["type"],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await read().catch(() => []);
      for (const row of rows) this.set({ type: row.type }, row.finishedAt.getTime() / 1000);
    },
  });
}

/** The upstream observer that counts into the worker's metrics. */
export function upstreamMetricsObserver(metrics: WorkerMetrics): UpstreamObserver {
  return {
    request: (provider, status) => metrics.upstreamRequests.inc({ provider, status }),
    rateLimitWait: (provider, seconds) => metrics.rateLimitWait.inc({ provider }, seconds),
  };
}
