import {
  PermanentError,
  SystemError,
  UpstreamRateLimitError,
  createMetricsRegistry,
  createWorkerMetrics,
} from "@kabuto/core";

import { recordJobAttempt } from "./job-metrics";
import { toQueueOutcome } from "./queue-outcome";

describe("recordJobAttempt", () => {
  const job = { attemptsMade: 0, opts: { attempts: 3 } };

  it("counts each attempt by outcome and error class, times it, and counts a 429's hold as its provider's wait", async () => {
    const registry = createMetricsRegistry();
    const metrics = createWorkerMetrics(registry);
    const startedAt = performance.now();
    const failWith = (error: Error, attempt = job) =>
      recordJobAttempt(metrics, { queue: "price-fetch", startedAt, error, outcome: toQueueOutcome(error, attempt) });
    recordJobAttempt(metrics, { queue: "price-fetch", startedAt });
    failWith(new PermanentError("unknown symbol"));
    failWith(new Error("reset"));
    failWith(new Error("reset"), { attemptsMade: 2, opts: { attempts: 3 } });
    failWith(new SystemError("database down"));
    failWith(new UpstreamRateLimitError("429", { retryAfterMs: 2500 }));
    recordJobAttempt(metrics, {
      queue: "master-sync",
      startedAt,
      error: new UpstreamRateLimitError("429"),
      outcome: { kind: "rate-limit", delayMs: 1000 },
    });

    const text = await registry.metrics();
    const line = (labels: string) => `kabuto_jobs_total{queue="price-fetch",${labels}} 1`;
    expect(text).toContain(line('outcome="completed",error_class="none"'));
    expect(text).toContain(line('outcome="failed",error_class="permanent"'));
    expect(text).toContain(line('outcome="retried",error_class="temporary"'));
    expect(text).toContain(line('outcome="failed",error_class="temporary"'));
    expect(text).toContain(line('outcome="held",error_class="system"'));
    expect(text).toContain(line('outcome="rate_limited",error_class="temporary"'));
    expect(text).toContain('kabuto_job_duration_seconds_count{queue="price-fetch"} 6');
    // the master-sync queue has no one provider: its hold is not any provider's wait
    expect(text).toContain('kabuto_rate_limit_wait_seconds_total{provider="yahoo"} 2.5');
    expect(text).not.toMatch(/kabuto_rate_limit_wait_seconds_total\{provider="(jquants|jpx)"\}/);
  });
});
