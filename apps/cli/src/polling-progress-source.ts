import type { ApiClient } from "./api-client";
import type { Clock } from "./cli-deps";
import type { ProgressSource } from "./progress-source";
import { snapshotFromJob } from "./progress-snapshot";
import { retryTransient } from "./transient-error";

/** Asks `GET /api/bulk/status/:job` every `intervalMs`, riding out short gateway outages. */
export function createPollingProgressSource(options: {
  api: ApiClient;
  clock: Clock;
  jobId: string;
  intervalMs: number;
}): ProgressSource {
  return {
    name: "polling",
    async next() {
      await options.clock.sleep(options.intervalMs);
      const job = await retryTransient(() => options.api.bulkStatus(options.jobId), options.clock, options.intervalMs);
      return { kind: "snapshot", snapshot: snapshotFromJob(job) };
    },
    close() {},
  };
}
