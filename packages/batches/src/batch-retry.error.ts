/** A batch cannot be retried: it has not ended, or nothing of it failed. */
export class BatchRetryError extends Error {
  constructor(
    readonly batchId: string,
    message: string,
  ) {
    super(message);
    this.name = "BatchRetryError";
  }
}
