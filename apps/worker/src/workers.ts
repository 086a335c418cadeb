import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";

import {
  JITTERED_BACKOFF,
  JOB_PAYLOAD_SCHEMAS,
  JOB_QUEUE,
  SystemError,
  TemporaryError,
  jitteredBackoffDelay,
  smoothLimiter,
  type JobName,
  type Logger,
  type QueueName,
} from "@kabuto/core";

import type { JobHandlers } from "./job-handler";

export interface WorkersOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  logger: Logger;
  handlers: JobHandlers;
  /**
   * How long a job's lock lasts without renewal; a worker that dies (SIGKILL, lost container) has
   * its jobs picked up again once their locks expire.
   */
  lockMs?: number;
  /** Jobs started per minute per queue, across every worker process (BullMQ's limiter lives in Redis). */
  ratePerMinute?: Partial<Record<QueueName, number>>;
}

/** The running BullMQ workers of this process, one per queue. */
export interface Workers {
  workers: Worker[];
  /** Lets in-flight jobs finish, then closes every worker. */
  close(): Promise<void>;
}

/** How long a system error (database unreachable) holds a queue before its jobs are tried again. */
const SYSTEM_ERROR_HOLD_MS = 5_000;

/**
 * Starts one BullMQ worker per queue that has handlers. Each job's payload is validated against its
 * schema; an invalid payload or an unknown job name fails the job without retries.
 */
export function createWorkers(options: WorkersOptions): Workers {
  const { handlers, logger } = options;
  const queues = new Set(Object.values(JOB_QUEUE));
  const workers = [...queues].map((queue) => {
    const rate = options.ratePerMinute?.[queue];
    const worker: Worker = new Worker(queue, (job) => dispatch(job, queue, worker), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      ...(options.lockMs ? { lockDuration: options.lockMs, stalledInterval: options.lockMs } : {}),
      ...(rate ? { limiter: smoothLimiter(rate) } : {}),
      settings: {
        backoffStrategy: (attemptsMade, type) => (type === JITTERED_BACKOFF ? jitteredBackoffDelay(attemptsMade) : 0),
      },
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
    if (!schema || JOB_QUEUE[name] !== queue)
      throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${queue}"`);
    const parsed = schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
    const handler = handlers[name] as (payload: unknown, job: Job) => Promise<unknown>;
    try {
      return await handler(parsed.data, job);
    } catch (error) {
      // The upstream said how long to back off: hold the whole queue, in every worker process,
      // and put this job back without spending one of its attempts.
      if (error instanceof TemporaryError && error.retryAfterMs !== undefined) {
        logger.warn("upstream rate limit, holding the queue", { queue, retry_after_ms: error.retryAfterMs });
        await worker.rateLimit(error.retryAfterMs);
        throw Worker.RateLimitError();
      }
      // Kabuto itself cannot go on: hold the queue instead of burning every job's attempts.
      if (error instanceof SystemError) {
        logger.error("system error, holding the queue", {
          queue,
          error: error.message,
          retry_in_ms: SYSTEM_ERROR_HOLD_MS,
        });
        await worker.rateLimit(SYSTEM_ERROR_HOLD_MS);
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
