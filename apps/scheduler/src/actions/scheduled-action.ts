import type { Provider } from "@kabuto/core";
import type { RunStatus } from "@kabuto/db";

/** One firing of a schedule, as the runner hands it to the job's action. */
export interface Occurrence {
  jobName: string;
  /** The minute the schedule named, not the moment the timer woke up. */
  scheduledAt: Date;
  timezone: string;
  /** The provider the schedule row names, when it names one. */
  provider?: Provider | undefined;
}

/** What an action did with an occurrence: requested a run (recorded on the schedule row) or skipped. */
export type ActionOutcome =
  | { requested: true; status: RunStatus; count?: number; details?: Record<string, unknown> }
  | { requested: false; reason: string };

/** What a schedule does when it fires: it requests work (enqueues), it never does the work itself. */
export type ScheduledAction = (occurrence: Occurrence) => Promise<ActionOutcome>;

/** The action of each sync_schedules job name. */
export type ScheduledActions = Readonly<Record<string, ScheduledAction>>;
