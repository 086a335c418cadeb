import type { Job } from "bullmq";

import type { JOB_PAYLOAD_SCHEMAS, JobName, JobPayloadOf } from "@kabuto/core";

/** Handles one job whose payload has already been validated. */
export type JobHandler<Name extends JobName> = (
  payload: JobPayloadOf<Name & keyof typeof JOB_PAYLOAD_SCHEMAS>,
  job: Job,
) => Promise<unknown>;

/** A handler for every job name: the worker does not start without one. */
export type JobHandlers = { [Name in JobName]: JobHandler<Name> };
