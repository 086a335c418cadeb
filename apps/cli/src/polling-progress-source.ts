import type { Clock } from "./cli-deps";
import type { ProgressSnapshot } from "./progress-snapshot";
import type { ProgressSource } from "./progress-source";
import { retryTransient } from "./transient-error";

/** Reads a job's status route (`read`) every `intervalMs`, riding out short gateway outages. */
export function createPollingProgressSource(options: {
  read: () => Promise<ProgressSnapshot>;
  clock: Clock;
  intervalMs: number;
}): ProgressSource {
  return {
    name: "polling",
    async next() {
      await options.clock.sleep(options.intervalMs);
      const snapshot = await retryTransient(options.read, options.clock, options.intervalMs);
      return { kind: "snapshot", snapshot };
    },
    close() {},
  };
}
