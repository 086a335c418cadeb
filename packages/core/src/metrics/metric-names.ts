/**
 * The name of every Kabuto metric. ops/ (the Grafana board, the alert rules) queries these names;
 * a test checks each of them against a live `/metrics` answer.
 */
export const METRIC = {
  QUEUE_JOBS: "kabuto_queue_jobs",
  JOBS: "kabuto_jobs_total",
  JOB_DURATION: "kabuto_job_duration_seconds",
  UPSTREAM_REQUESTS: "kabuto_upstream_requests_total",
  RATE_LIMIT_WAIT: "kabuto_rate_limit_wait_seconds_total",
  ROWS_WRITTEN: "kabuto_rows_written_total",
  PROGRESS_CLIENTS: "kabuto_progress_clients",
  BATCH_LAST_SUCCESS: "kabuto_batch_last_success_timestamp_seconds",
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** Every Kabuto metric, for the checks that want them all. */
export const METRIC_NAMES: readonly MetricName[] = Object.values(METRIC);
