// The modules' own entry points, not the package index: the index loads BullMQ, ioredis and
// winston, which would add more than a second to every `kabuto` command.
export { BATCH_STATUS_GROUP, isBatchStatusIn } from "@kabuto/core/batch-status";
export { progressEventSchema, type ProgressEvent } from "@kabuto/core/progress-event";
