import { TIME_OF_DAY } from "@kabuto/contract";

import { InvalidScheduleError } from "./invalid-schedule.error";
import { SCHEDULE_TIMEZONE } from "./schedule-jobs";

/** A wall-clock time, as sync_schedules' `cron_time` holds it ("HH:MM", 24 h). */
export interface TimeOfDay {
  hours: number;
  minutes: number;
}

/** "11:30" → { hours: 11, minutes: 30 }. Throws {@link InvalidScheduleError} on anything else. */
export function parseTimeOfDay(text: string): TimeOfDay {
  const match = TIME_OF_DAY.exec(text);
  if (!match) throw new InvalidScheduleError(`cron_time must be HH:MM (00:00–23:59), got "${text}"`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

/** The node-cron expression that fires once a day at `timeOfDay`: "11:30" → "30 11 * * *". */
export function toCronExpression(timeOfDay: string): string {
  const { hours, minutes } = parseTimeOfDay(timeOfDay);
  return `${minutes} ${hours} * * *`;
}

/** Throws {@link InvalidScheduleError} unless the IANA timezone is known to this Node.js. */
export function assertTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new InvalidScheduleError(`unknown timezone "${timezone}"`);
  }
}

/** How far `timezone`'s wall clock is ahead of UTC at `instant`, in ms. */
function utcOffsetMs(timezone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The next moment, strictly after `now`, at which the wall clock in `timezone` (Asia/Tokyo unless
 * given) shows `timeOfDay` ("HH:MM"): the schedule's next run as the scheduler will fire it.
 */
export function nextDailyRun(timeOfDay: string, now: Date, timezone: string = SCHEDULE_TIMEZONE): Date {
  const { hours, minutes } = parseTimeOfDay(timeOfDay);
  assertTimezone(timezone);
  const localNow = new Date(now.getTime() + utcOffsetMs(timezone, now.getTime()));
  const onLocalDay = (days: number) => {
    const wallClock = Date.UTC(
      localNow.getUTCFullYear(),
      localNow.getUTCMonth(),
      localNow.getUTCDate() + days,
      hours,
      minutes,
    );
    // The offset at that moment itself, not now's: a daylight-saving change may lie in between.
    const guess = wallClock - utcOffsetMs(timezone, wallClock);
    return new Date(wallClock - utcOffsetMs(timezone, guess));
  };
  const today = onLocalDay(0);
  return today.getTime() > now.getTime() ? today : onLocalDay(1);
}
