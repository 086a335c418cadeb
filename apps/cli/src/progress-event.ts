// The modules themselves, not the package index: the index loads BullMQ, ioredis and winston, which
// would add more than a second to every `kabuto` command.
export {
  BATCH_STATUSES,
  BATCH_STATUS_GROUP,
  isBatchStatusIn,
  type BatchStatus,
} from "@kabuto/core/dist/batch/batch-status";
export { progressEventSchema, type ProgressEvent } from "@kabuto/core/dist/queue/progress-event";
