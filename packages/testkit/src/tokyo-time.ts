const TOKYO_TIME_OF_DAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Tokyo",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Tokyo wall-clock time of an instant as schedules write it ("19:00"). */
export function tokyoTimeOfDay(at: Date | string): string {
  return TOKYO_TIME_OF_DAY.format(new Date(at));
}
