import { ApiRequestError, GatewayUnreachableError, type ApiClient } from "./api-client";
import type { Clock } from "./cli-deps";
import type { ProgressSource } from "./progress-source";
import { snapshotFromJob } from "./progress-snapshot";

/** Consecutive failed polls (gateway away, 429, 503) tolerated before the watch gives up. */
const MAX_FAILED_POLLS = 30;

const transient = (error: unknown) =>
  error instanceof GatewayUnreachableError ||
  (error instanceof ApiRequestError && (error.status === 429 || error.status >= 500));

/** Asks `GET /api/bulk/status/:job` every `intervalMs`, riding out short gateway outages. */
export function createPollingProgressSource(options: {
  api: ApiClient;
  clock: Clock;
  jobId: string;
  intervalMs: number;
}): ProgressSource {
  let failures = 0;
  return {
    name: "polling",
    async next() {
      for (;;) {
        await options.clock.sleep(options.intervalMs);
        try {
          const job = await options.api.bulkStatus(options.jobId);
          failures = 0;
          return { kind: "snapshot", snapshot: snapshotFromJob(job) };
        } catch (error) {
          failures += 1;
          if (!transient(error) || failures >= MAX_FAILED_POLLS) throw error;
          if (error instanceof ApiRequestError && error.retryAfterSeconds !== undefined) {
            await options.clock.sleep(error.retryAfterSeconds * 1000);
          }
        }
      }
    },
    close() {},
  };
}
