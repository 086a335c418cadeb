import { InvalidScheduleError } from "./invalid-schedule.error";

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The node-cron expression that fires once a day at a sync_schedules `cron_time` ("HH:MM", 24 h):
 * "11:30" → "30 11 * * *". Throws {@link InvalidScheduleError} on anything else.
 */
export function toCronExpression(timeOfDay: string): string {
  const match = TIME_OF_DAY.exec(timeOfDay);
  if (!match) throw new InvalidScheduleError(`cron_time must be HH:MM (00:00–23:59), got "${timeOfDay}"`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

/** Throws {@link InvalidScheduleError} unless the IANA timezone is known to this Node.js. */
export function assertTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new InvalidScheduleError(`unknown timezone "${timezone}"`);
  }
}
