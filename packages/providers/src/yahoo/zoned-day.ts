/**
 * Every UTC offset in use since the 1970s is a whole number of quarter hours, so a zone's date
 * changes only on a UTC quarter hour and one format per quarter hour does for every instant in it.
 */
const QUARTER_HOUR_SECONDS = 900;
/** Quarter hours remembered per zone: a daily history of decades, or weeks of intraday bars. */
const DAYS_LIMIT = 100_000;

interface Zone {
  format: Intl.DateTimeFormat;
  days: Map<number, string>;
}

const zones = new Map<string, Zone>();

/**
 * The calendar date (YYYY-MM-DD) of `epochSeconds` in `timeZone`. Memoised: Intl formatting was
 * the parser's largest cost (every symbol's answer carries the same trading days' stamps).
 */
export function dayIn(epochSeconds: number, timeZone: string): string {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = {
      format: new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
      days: new Map(),
    };
    zones.set(timeZone, zone);
  }
  const quarter = Math.floor(epochSeconds / QUARTER_HOUR_SECONDS);
  let day = zone.days.get(quarter);
  if (day === undefined) {
    if (zone.days.size >= DAYS_LIMIT) zone.days.clear();
    day = zone.format.format(new Date(epochSeconds * 1000));
    zone.days.set(quarter, day);
  }
  return day;
}
