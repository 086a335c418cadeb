import type { Logger } from "@kabuto/core";
import type { Database } from "@kabuto/db";

import type { BatchControl } from "./batch-lifecycle";
import { BatchTransitionError } from "./batch-transition.error";
import { SYSTEM_PAUSE_REASON } from "./system-error-pauses";

/**
 * Resumes the scheduled batches (daily updates) Kabuto paused after a long database outage, once
 * the database has answered for `afterMs`, so an unattended evening update finishes by itself. A
 * batch a person started, or paused, waits for a person.
 */
export function systemPauseResumer(deps: {
  db: Database;
  batches: Pick<BatchControl, "resume">;
  logger: Logger;
  afterMs: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  let answeringSince: number | undefined;

  async function answers(): Promise<boolean> {
    try {
      await deps.db.pool.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  /** Probes the database and resumes the batches that are due; the ids it resumed. */
  async function check(): Promise<string[]> {
    if (!(await answers())) {
      answeringSince = undefined;
      return [];
    }
    answeringSince ??= now();
    if (now() - answeringSince < deps.afterMs) return [];
    const due = await deps.db.prisma.batchExecution.findMany({
      where: {
        status: "paused",
        type: "daily_update",
        error: { startsWith: SYSTEM_PAUSE_REASON },
        updatedAt: { lte: new Date(now() - deps.afterMs) },
      },
      select: { id: true },
    });
    const resumed: string[] = [];
    for (const { id } of due) {
      try {
        await deps.batches.resume(id);
      } catch (error) {
        // Another scheduler, or a person, resumed or stopped it first.
        if (error instanceof BatchTransitionError) continue;
        throw error;
      }
      deps.logger.info("scheduled batch resumed after a database outage", { batch_id: id });
      resumed.push(id);
    }
    return resumed;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  function next(intervalMs: number) {
    timer = setTimeout(() => {
      running = check()
        .then(
          () => undefined,
          (error: unknown) =>
            deps.logger.warn("resuming paused batches failed; trying again", { error: String(error) }),
        )
        .then(() => {
          if (!stopped) next(intervalMs);
        });
    }, intervalMs);
  }
  return {
    check,
    /** Checks every `intervalMs` (one check at a time) until `stop`. */
    start(intervalMs: number) {
      next(intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type SystemPauseResumer = ReturnType<typeof systemPauseResumer>;
