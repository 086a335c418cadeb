import { isFinalOutcome, toQueueOutcome, type JobHandler } from "@kabuto/queue";

import type { DatasetBuildService } from "./dataset-build.service";

/** The `build-dataset` job: one build; its last failed attempt is recorded on the dataset. */
export function datasetBuildProcessor(service: DatasetBuildService): JobHandler<"build-dataset"> {
  return async (payload, job) => {
    try {
      return await service.run(payload.datasetId);
    } catch (error) {
      if (isFinalOutcome(toQueueOutcome(error, job))) {
        await service.fail(payload.datasetId, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}
