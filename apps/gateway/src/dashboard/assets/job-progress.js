/**
 * One view of a job's progress from either source, REST status or a Socket.IO event, merged so
 * that the page never moves backwards: a late or stale answer cannot undo a newer one.
 */

const TERMINAL = new Set(["completed", "failed", "cancelled"]);
/** The window the page measures its own throughput over when no event carries one. */
const RATE_WINDOW_MS = 15_000;

/**
 * @typedef {object} JobProgress
 * @property {string} id
 * @property {string} status
 * @property {number} total
 * @property {number} processed
 * @property {number} successful
 * @property {number} failed
 * @property {number} percentage 0–100
 * @property {string[]} current symbols being fetched now (events only)
 * @property {string | null} estimatedCompletion ISO time (events), or null
 * @property {number | null} stocksPerMinute
 * @property {number | null} recordsPerMinute
 * @property {Record<string, number> | null} failuresByClass from the summary once the job ended
 * @property {number | null} durationSeconds from the summary
 * @property {Record<string, number> | null} quality issues per quality check, once the checks after the job ran
 */

/** @param {string} status */
export const isTerminal = (status) => TERMINAL.has(status);

/**
 * Failures by class from a summary; null when unknown: the job list's summaries leave them empty.
 * @param {{ failed: number, failures_by_class?: Record<string, number> } | undefined} summary
 */
function knownFailures(summary) {
  const byClass = summary?.failures_by_class;
  if (!summary || !byClass) return null;
  return summary.failed === 0 || Object.keys(byClass).length > 0 ? byClass : null;
}

/**
 * @param {any} job `job` of GET /api/bulk/status/:id or of GET /api/bulk/jobs
 * @returns {JobProgress}
 */
export function fromStatus(job) {
  return {
    id: job.id,
    status: job.status,
    total: job.progress.total,
    processed: job.progress.processed,
    successful: job.progress.successful,
    failed: job.progress.failed,
    percentage: job.progress.progress_percentage,
    current: [],
    estimatedCompletion: null,
    stocksPerMinute: null,
    recordsPerMinute: null,
    failuresByClass: knownFailures(job.summary),
    durationSeconds: job.summary?.duration_seconds ?? null,
    quality: job.summary?.quality ?? null,
  };
}

/**
 * @param {import("./progress-feed.js").ProgressEvent} event
 * @returns {JobProgress}
 */
export function fromEvent(event) {
  return {
    id: event.batch_id,
    status: event.status,
    total: event.progress.total,
    processed: event.progress.processed,
    successful: event.progress.successful,
    failed: event.progress.failed,
    percentage: event.progress.percentage,
    current: event.current_processing ?? [],
    estimatedCompletion: event.estimated_completion ?? null,
    stocksPerMinute: event.throughput?.stocks_per_minute ?? null,
    recordsPerMinute: event.throughput?.records_per_minute ?? null,
    failuresByClass: null,
    durationSeconds: null,
    quality: null,
  };
}

/**
 * The newer of two views. Nothing follows a terminal status; a view with fewer processed symbols
 * than the last one is stale and ignored; fields one source lacks are kept from the other.
 * @param {JobProgress | undefined} previous
 * @param {JobProgress} next
 * @returns {JobProgress}
 */
export function mergeProgress(previous, next) {
  if (!previous) return next;
  if (isTerminal(previous.status)) {
    if (!isTerminal(next.status)) return previous;
    return {
      ...previous,
      failuresByClass: next.failuresByClass ?? previous.failuresByClass,
      durationSeconds: next.durationSeconds ?? previous.durationSeconds,
      quality: next.quality ?? previous.quality,
    };
  }
  if (next.processed < previous.processed && !isTerminal(next.status)) return previous;
  const counts =
    next.processed >= previous.processed
      ? next
      : {
          ...next,
          processed: previous.processed,
          successful: previous.successful,
          failed: previous.failed,
          percentage: previous.percentage,
        };
  return {
    ...counts,
    percentage: Math.max(counts.percentage, previous.percentage),
    current: next.current.length > 0 || isTerminal(next.status) ? next.current : previous.current,
    estimatedCompletion: next.estimatedCompletion ?? (isTerminal(next.status) ? null : previous.estimatedCompletion),
    stocksPerMinute: next.stocksPerMinute ?? previous.stocksPerMinute,
    recordsPerMinute: next.recordsPerMinute ?? previous.recordsPerMinute,
    failuresByClass: next.failuresByClass ?? previous.failuresByClass,
    durationSeconds: next.durationSeconds ?? previous.durationSeconds,
    quality: next.quality ?? previous.quality,
  };
}

/**
 * Throughput and ETA measured by the page from successive views, for when no event carries them
 * (the REST status has neither).
 */
export function createRateEstimator() {
  /** @type {{ at: number, processed: number }[]} */
  let samples = [];
  return {
    /**
     * @param {JobProgress} progress
     * @param {number} now epoch milliseconds
     * @returns {{ stocksPerMinute: number | null, estimatedCompletion: string | null }}
     */
    estimate(progress, now) {
      if (progress.status !== "running") {
        samples = [];
        return { stocksPerMinute: null, estimatedCompletion: null };
      }
      samples.push({ at: now, processed: progress.processed });
      samples = samples.filter((sample) => now - sample.at <= RATE_WINDOW_MS);
      const first = samples[0];
      const elapsedMs = now - first.at;
      const done = progress.processed - first.processed;
      if (elapsedMs < 1000 || done <= 0) return { stocksPerMinute: null, estimatedCompletion: null };
      const perMs = done / elapsedMs;
      const remaining = Math.max(progress.total - progress.processed, 0);
      return {
        stocksPerMinute: perMs * 60_000,
        estimatedCompletion: new Date(now + remaining / perMs).toISOString(),
      };
    },
  };
}
