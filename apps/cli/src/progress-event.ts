// The module's own entry point, not the package index: the index loads BullMQ, ioredis and
// winston, which would add more than a second to every `kabuto` command.
export { TERMINAL_BATCH_STATUSES, progressEventSchema, type ProgressEvent } from "@kabuto/core/progress-event";
