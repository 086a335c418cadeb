import { MetricsTime, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";

import {
  JOB_PAYLOAD_SCHEMAS,
  QUEUE_NAMES,
  backoffDelayOf,
  queueOf,
  type JobItem,
  type JobName,
  type Logger,
  type QueueName,
  type WorkerMetrics,
} from "@kabuto/core";

import type { JobHandlers } from "./job-handler";
import { recordJobAttempt } from "./job-metrics";
import { toQueueOutcome } from "./queue-outcome";

export interface JobWorkersOptions {
  /** A worker connection: waits for Redis to come back (`maxRetriesPerRequest: null`). */
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** Queues whose jobs run fewer at a time than `concurrency` (a dataset build takes both cores). */
  queueConcurrency?: Partial<Record<QueueName, number>>;
  logger: Logger;
  handlers: JobHandlers;
  /**
   * How long a job's lock lasts without renewal; a worker that dies (SIGKILL, lost container) has
   * its jobs picked up again once their locks expire.
   */
  lockMs?: number;
  /** How long a 429 without Retry-After holds its queue (UPSTREAM_429_HOLD_MS); default DEFAULT_RATE_LIMIT_HOLD_MS. */
  rateLimitHoldMs?: number;
  /** Where each attempt's outcome and duration are counted. */
  metrics?: WorkerMetrics;
}

/** The running BullMQ workers of this process, one per queue. */
export interface JobWorkers {
  workers: Worker[];
  /** Lets in-flight jobs finish, then closes every worker. */
  close(): Promise<void>;
}

/**
 * Starts one BullMQ worker per queue. Each job's payload is validated against its schema; an
 * invalid payload, an unknown job name or a job on the wrong queue fails without retries. A
 * handler's error becomes the queue outcome `toQueueOutcome` names; none is swallowed.
 */
export function createJobWorkers(options: JobWorkersOptions): JobWorkers {
  const { handlers, logger } = options;
  const workers = QUEUE_NAMES.map((queue) => {
    const worker: Worker = new Worker(queue, (job) => dispatch(job, queue, worker), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.queueConcurrency?.[queue] ?? options.concurrency,
      ...(options.lockMs ? { lockDuration: options.lockMs, stalledInterval: options.lockMs } : {}),
      settings: { backoffStrategy: backoffDelayOf },
      // BullMQ's own per-minute completed and failed counts, which Bull Board charts.
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    });
    worker.on("error", (error) => logger.error("worker error", { queue, error: error.message }));
    worker.on("failed", (job, error) =>
      logger.warn("job failed", { queue, job_id: job?.id, attempts: job?.attemptsMade, error: error.message }),
    );
    return worker;
  });

  async function dispatch(job: Job, queue: QueueName, worker: Worker): Promise<unknown> {
    const name = job.name as JobName;
    const schema = JOB_PAYLOAD_SCHEMAS[name];
    if (!schema) throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${queue}"`);
    const parsed = schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
    const item = { name, data: parsed.data } as JobItem;
    if (queueOf(item) !== queue) throw new UnrecoverableError(`job "${job.name}" does not belong on queue "${queue}"`);
    const handler = handlers[name] as (payload: unknown, job: Job) => Promise<unknown>;
    const startedAt = performance.now();
    try {
      const result = await handler(parsed.data, job);
      recordJobAttempt(options.metrics, { queue, startedAt });
      return result;
    } catch (error) {
      const outcome = toQueueOutcome(error, job, options.rateLimitHoldMs);
      recordJobAttempt(options.metrics, { queue, startedAt, error, outcome });
      if (outcome.kind === "unrecoverable") throw new UnrecoverableError(outcome.message);
      if (outcome.kind === "rate-limit") {
        logger.warn("upstream rate limit, holding the queue", { queue, retry_after_ms: outcome.delayMs });
      }
      if (outcome.kind === "hold") {
        logger.error("system error, holding the queue", {
          queue,
          error: error instanceof Error ? error.message : String(error),
          retry_in_ms: outcome.delayMs,
        });
      }
      if (outcome.kind === "rate-limit" || outcome.kind === "hold") {
        await worker.rateLimit(outcome.delayMs);
        throw Worker.RateLimitError();
      }
      throw error;
    }
  }

  return {
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
