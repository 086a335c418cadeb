import { KabutoError, PRICE_QUEUE, type JobOutcome, type QueueName, type WorkerMetrics } from "@kabuto/core";

import type { QueueOutcome } from "./queue-outcome";

/** The `outcome` label of an attempt that threw: `failed` only when the job is not tried again. */
function outcomeLabel(outcome: QueueOutcome): JobOutcome {
  switch (outcome.kind) {
    case "unrecoverable":
      return "failed";
    case "rate-limit":
      return "rate_limited";
    case "hold":
      return "held";
    case "retry":
      return outcome.final ? "failed" : "retried";
  }
}

/** The provider whose rate limit holds `queue`, for the queues that have one. */
function providerOf(queue: QueueName): string | undefined {
  return Object.entries(PRICE_QUEUE).find(([, name]) => name === queue)?.[0];
}

/**
 * Counts one job attempt: its outcome, its error's class (`none` when it completed) and how long it
 * ran; a 429's hold of the queue is rate-limit wait for the queue's provider.
 */
export function recordJobAttempt(
  metrics: WorkerMetrics | undefined,
  attempt: { queue: QueueName; startedAt: number; error?: unknown; outcome?: QueueOutcome },
): void {
  if (!metrics) return;
  const { queue, outcome, error } = attempt;
  metrics.jobDuration.observe({ queue }, (performance.now() - attempt.startedAt) / 1000);
  if (!outcome) {
    metrics.jobs.inc({ queue, outcome: "completed", error_class: "none" });
    return;
  }
  const errorClass = error instanceof KabutoError ? error.errorClass : "temporary";
  metrics.jobs.inc({ queue, outcome: outcomeLabel(outcome), error_class: errorClass });
  const provider = providerOf(queue);
  if (outcome.kind === "rate-limit" && provider) metrics.rateLimitWait.inc({ provider }, outcome.delayMs / 1000);
}
