import { createLogger, type Logger } from "@kabuto/core";

/** A logger that drops everything, for code under test that wants one. */
export function testLogger(): Logger {
  return createLogger({ service: "test", level: "error", format: "json", silent: true });
}
