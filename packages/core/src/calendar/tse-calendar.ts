/**
 * The Tokyo Stock Exchange calendar: closed on weekends, on Japanese national holidays (and their
 * substitute days) and from 12/31 to 1/3. Dates are "YYYY-MM-DD" strings.
 */

const DAY_MS = 86_400_000;

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The n-th Monday of a month (1-based). */
function nthMonday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((8 - first) % 7) + (n - 1) * 7;
}

/** Vernal and autumnal equinox days, by the formula valid for 1980–2099. */
function equinoxes(year: number): [number, number] {
  const base = year - 1980;
  const leap = Math.floor(base / 4);
  return [Math.floor(20.8431 + 0.242194 * base) - leap, Math.floor(23.2488 + 0.242194 * base) - leap];
}

const holidayCache = new Map<number, Set<string>>();

/** Japan's national holidays of `year`, substitute holidays and citizens' holidays included. */
export function nationalHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const [spring, autumn] = equinoxes(year);
  const days: [number, number][] = [
    [1, 1],
    [1, nthMonday(year, 1, 2)],
    [2, 11],
    [2, 23],
    [3, spring],
    [4, 29],
    [5, 3],
    [5, 4],
    [5, 5],
    [7, nthMonday(year, 7, 3)],
    [8, 11],
    [9, nthMonday(year, 9, 3)],
    [9, autumn],
    [10, nthMonday(year, 10, 2)],
    [11, 3],
    [11, 23],
  ];
  const holidays = new Set(days.map(([month, day]) => isoDate(Date.UTC(year, month - 1, day))));
  for (const holiday of [...holidays].sort()) {
    const time = Date.parse(`${holiday}T00:00:00Z`);
    if (new Date(time).getUTCDay() !== 0) continue;
    let substitute = time + DAY_MS;
    while (holidays.has(isoDate(substitute))) substitute += DAY_MS;
    holidays.add(isoDate(substitute));
  }
  const respectForAged = Date.UTC(year, 8, nthMonday(year, 9, 3));
  if (Date.UTC(year, 8, autumn) - respectForAged === 2 * DAY_MS) holidays.add(isoDate(respectForAged + DAY_MS));
  holidayCache.set(year, holidays);
  return holidays;
}

/** Whether the exchange trades on `date`. */
export function isTradingDay(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  const weekday = new Date(time).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay === "12-31" || monthDay === "01-01" || monthDay === "01-02" || monthDay === "01-03") return false;
  return !nationalHolidays(Number(date.slice(0, 4))).has(date);
}

/** The trading day `count` trading days after (or before, when negative) `date`. */
export function shiftTradingDays(date: string, count: number): string {
  let time = Date.parse(`${date}T00:00:00Z`);
  let left = Math.abs(count);
  const step = Math.sign(count) * DAY_MS;
  while (left > 0) {
    time += step;
    if (isTradingDay(isoDate(time))) left--;
  }
  return isoDate(time);
}

/** Trading days from `from` to `to`, both included. */
export function tradingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    const date = isoDate(time);
    if (isTradingDay(date)) days.push(date);
  }
  return days;
}

const TOKYO_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" });

/** The date in Tokyo of an instant, "YYYY-MM-DD". */
export function tokyoDate(at: Date): string {
  return TOKYO_DATE.format(at);
}
