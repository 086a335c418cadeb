import type { Logger } from "./logger";

/** One named step of a graceful shutdown, run in the order given. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

/** How long a graceful shutdown may take before the app exits anyway; a container's stop grace period must be longer. */
export const FORCE_EXIT_AFTER_MS = 15_000;

/**
 * Runs the steps once, in order, on SIGTERM or SIGINT, then exits 0 (1 if a step failed).
 * A second signal, or steps that outlast 15 s, exit at once with 1.
 */
export function onShutdownSignal(logger: Logger, steps: readonly ShutdownStep[]): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn("second signal, exiting now", { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info("shutting down", { signal });
    setTimeout(() => {
      logger.error("shutdown took too long, exiting", { after_ms: FORCE_EXIT_AFTER_MS });
      process.exit(1);
    }, FORCE_EXIT_AFTER_MS).unref();
    let failed = false;
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        failed = true;
        logger.error("shutdown step failed", { step: step.name, error: String(error) });
      }
    }
    logger.info("stopped");
    process.exit(failed ? 1 : 0);
  };
  process.on("SIGTERM", (signal) => void shutdown(signal));
  process.on("SIGINT", (signal) => void shutdown(signal));
}
