/** Japan has no daylight saving time: Asia/Tokyo is always UTC+9. */
const TOKYO_OFFSET_MS = 9 * 3600_000;

/** The next moment the wall clock in Asia/Tokyo shows `time` ("HH:MM"), strictly after `now`. */
export function nextDailyRun(time: string, now: Date): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const tokyoNow = new Date(now.getTime() + TOKYO_OFFSET_MS);
  const candidate =
    Date.UTC(tokyoNow.getUTCFullYear(), tokyoNow.getUTCMonth(), tokyoNow.getUTCDate(), hours, minutes) -
    TOKYO_OFFSET_MS;
  return new Date(candidate > now.getTime() ? candidate : candidate + 24 * 3600_000);
}
