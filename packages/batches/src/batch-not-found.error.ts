import { PermanentError } from "@kabuto/core";

/** No batch has this id. */
export class BatchNotFoundError extends PermanentError {
  constructor(readonly batchId: string) {
    super(`batch ${batchId} does not exist`);
  }
}
