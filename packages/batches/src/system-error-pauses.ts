import { SystemError, type Logger } from "@kabuto/core";
import { isDatabaseUnavailable, type BatchProgressPublisher, type BatchRepository } from "@kabuto/db";

/**
 * What a price job does when Kabuto itself cannot go on. An unreachable database is a SystemError
 * (the queue is held, no unit is charged) and its batch is noted; once the database answers again,
 * before the next job, every noted batch is paused with the reason, for a person to resume.
 */
export function systemErrorPauses(deps: {
  batches: BatchRepository;
  progress: BatchProgressPublisher;
  logger: Logger;
}) {
  const noted = new Map<string, string>();

  async function pauseNoted() {
    for (const [batchId, reason] of noted) {
      if (await deps.batches.transition(batchId, "pause", reason)) {
        deps.logger.warn("batch paused after a system error", { batch_id: batchId, reason });
        void deps.progress.changed(batchId, { statusChanged: true });
      }
      noted.delete(batchId);
    }
  }

  return {
    /** Runs one unit of `batchId`, turning an unreachable database into a SystemError. */
    async guard<Result>(batchId: string, run: () => Promise<Result>): Promise<Result> {
      try {
        await pauseNoted();
        return await run();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        const reason = `database unreachable: ${error instanceof Error ? error.message : String(error)}`;
        noted.set(batchId, `${new Date().toISOString()} ${reason}`);
        throw new SystemError(reason, { cause: error });
      }
    },
  };
}

export type SystemErrorPauses = ReturnType<typeof systemErrorPauses>;
