import type { JobName, JobPayloadOf } from "@kabuto/core";

import type { JobAttempt } from "./queue-outcome";

/** The job a handler runs, as much of BullMQ's as handlers need. */
export interface JobContext extends JobAttempt {
  id?: string | undefined;
}

/** Handles one job whose payload has already been validated. */
export type JobHandler<Name extends JobName> = (payload: JobPayloadOf<Name>, job: JobContext) => Promise<unknown>;

/** A handler for every job name: a worker does not compile without one. */
export type JobHandlers = { [Name in JobName]: JobHandler<Name> };
