import winston from "winston";

export type Logger = winston.Logger;

export interface LoggerOptions {
  service: string;
  level: string;
  /** JSON lines for machines, or one readable line per entry for a terminal. */
  format: "json" | "pretty";
  /** Drops every entry (tests). */
  silent?: boolean;
}

const pretty = winston.format.printf(({ timestamp, level, message, service, ...fields }) => {
  const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
  return `${String(timestamp)} ${level} [${String(service)}] ${String(message)}${rest}`;
});

/**
 * The one logger factory. Child loggers carry context: `logger.child({ batch_id, symbol })`.
 */
export function createLogger(options: LoggerOptions): Logger {
  const format =
    options.format === "json"
      ? winston.format.combine(
          winston.format.timestamp(),
          winston.format.errors({ stack: true }),
          winston.format.json(),
        )
      : winston.format.combine(
          winston.format.timestamp({ format: "HH:mm:ss.SSS" }),
          winston.format.errors({ stack: false }),
          winston.format.colorize(),
          pretty,
        );
  return winston.createLogger({
    level: options.level,
    silent: options.silent ?? false,
    defaultMeta: { service: options.service },
    format,
    transports: [new winston.transports.Console({ stderrLevels: ["error", "warn"] })],
  });
}

/** JSON in production or when not on a terminal, readable otherwise, unless LOG_FORMAT says. */
export function defaultLogFormat(env: { NODE_ENV: string; LOG_FORMAT?: "json" | "pretty" | undefined }) {
  if (env.LOG_FORMAT) return env.LOG_FORMAT;
  return env.NODE_ENV === "production" || !process.stdout.isTTY ? "json" : "pretty";
}
