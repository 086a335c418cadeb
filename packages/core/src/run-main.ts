import { ConfigError } from "./errors";

/**
 * Runs an app's entry point. A bad configuration ends the process at once with one line on stderr
 * naming the variables; any other start-up failure prints its stack. Both exit with status 1.
 */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${service}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}
