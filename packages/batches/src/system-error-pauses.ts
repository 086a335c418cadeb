import { SystemError, type Logger } from "@kabuto/core";
import { isDatabaseUnavailable, type BatchProgressPublisher, type BatchRepository } from "@kabuto/db";

/** The start of the reason a batch paused by Kabuto carries in `error`; a person's pause sets none. */
export const SYSTEM_PAUSE_REASON = "paused by Kabuto: database unreachable";

interface Outage {
  since: number;
  lastError: string;
}

/**
 * What a price job does when Kabuto itself cannot go on. An unreachable database is a SystemError:
 * the queue is held and no unit is charged. Once a unit reaches the database again, each batch that met the outage goes on by itself when the outage was shorter than `pauseAfterMs`
 * (a restart, a failover), and is paused with the reason when it lasted longer.
 */
export function systemErrorPauses(deps: {
  batches: BatchRepository;
  progress: BatchProgressPublisher;
  logger: Logger;
  pauseAfterMs: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  /** Batches whose units found the database unreachable, since their first such unit. */
  const outages = new Map<string, Outage>();

  async function settle() {
    for (const [batchId, outage] of outages) {
      const lastedMs = now() - outage.since;
      if (lastedMs < deps.pauseAfterMs) {
        deps.logger.info("database back; the batch goes on", { batch_id: batchId, outage_ms: lastedMs });
      } else {
        const reason = `${SYSTEM_PAUSE_REASON} for ${Math.round(lastedMs / 1000)} s from ${new Date(outage.since).toISOString()} (${outage.lastError})`;
        if (await deps.batches.transition(batchId, "pause", reason)) {
          deps.logger.warn("batch paused after a long database outage", { batch_id: batchId, reason });
          void deps.progress.changed(batchId, { statusChanged: true });
        }
      }
      outages.delete(batchId);
    }
  }

  return {
    /** Runs one unit of `batchId`, turning an unreachable database into a SystemError. */
    async guard<Result>(batchId: string, run: () => Promise<Result>): Promise<Result> {
      let result: Result;
      try {
        result = await run();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        outages.set(batchId, { since: outages.get(batchId)?.since ?? now(), lastError: message });
        throw new SystemError(`database unreachable: ${message}`, { cause: error });
      }
      // The unit reached the database, so any outage is over; if it is gone again, a later unit settles.
      await settle().catch(() => undefined);
      return result;
    },
  };
}

export type SystemErrorPauses = ReturnType<typeof systemErrorPauses>;
