import { isFinalOutcome, toQueueOutcome, type JobHandler } from "@kabuto/queue";

import type { QualityCheckService } from "./quality-check.service";

/** The `check-quality` job: one check run; its last failed attempt is recorded on the run. */
export function qualityCheckProcessor(service: QualityCheckService): JobHandler<"check-quality"> {
  return async (payload, job) => {
    try {
      return await service.run(payload.checkId);
    } catch (error) {
      if (isFinalOutcome(toQueueOutcome(error, job))) {
        await service.fail(payload.checkId, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}
