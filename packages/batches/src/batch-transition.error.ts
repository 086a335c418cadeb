import type { BatchStatus, BatchTransition } from "@kabuto/core";

/** The state machine does not allow `transition` from the batch's `status`. */
export class BatchTransitionError extends Error {
  constructor(
    readonly transition: BatchTransition,
    readonly status: BatchStatus,
  ) {
    super(`a ${status} batch cannot ${transition}`);
    this.name = "BatchTransitionError";
  }
}
