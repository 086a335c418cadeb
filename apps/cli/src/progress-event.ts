// The module itself, not the package index: the index loads BullMQ, ioredis and winston, which
// would add more than a second to every `kabuto` command.
export {
  BATCH_STATUSES,
  TERMINAL_BATCH_STATUSES,
  progressEventSchema,
  type BatchStatus,
  type ProgressEvent,
} from "@kabuto/core/dist/queue/progress-event";
