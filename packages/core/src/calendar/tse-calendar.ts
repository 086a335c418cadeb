/**
 * The Tokyo Stock Exchange calendar by the rules: closed on weekends, on Japan's national holidays
 * (国民の祝日, with substitute and citizens' holidays) and from 12/31 to 1/3. Dates are
 * "YYYY-MM-DD" strings. The holidays follow the law in force each year (国民の祝日に関する法律 and
 * its amendments, the 2019 enthronement and the 2020/2021 Olympic special measures), checked
 * against the Cabinet Office's published list (内閣府「国民の祝日について」) for 2000–2027.
 *
 * Covered years: 1989 (the Heisei holidays) to 2099 (the equinox formula's range); others throw a
 * RangeError. The exchange's Saturday sessions, which ended in February 1989, are not modelled.
 */

import { CALENDAR_FIRST_DATE, CALENDAR_LAST_DATE, isCalendarDate } from "@kabuto/contract";

export { isCalendarDate };

const DAY_MS = 86_400_000;

/** The years the rules cover, as the API states them. */
export const RULES_FIRST_YEAR = Number(CALENDAR_FIRST_DATE.slice(0, 4));
export const RULES_LAST_YEAR = Number(CALENDAR_LAST_DATE.slice(0, 4));

/** What the Cabinet Office's list calls a substitute or citizens' holiday. */
const RESTING_DAY = "休日";
/** The 2019 enthronement days, holidays by a law of their own (平成30年法律第99号). */
const TREATED_AS_HOLIDAY = "休日（祝日扱い）";

/** Holidays of one year only, by their own laws. */
const ONE_OFF_HOLIDAYS: Readonly<Record<string, string>> = {
  "1989-02-24": "大喪の礼",
  "1990-11-12": "即位礼正殿の儀",
  "1993-06-09": "結婚の儀",
  "2019-05-01": TREATED_AS_HOLIDAY,
  "2019-10-22": TREATED_AS_HOLIDAY,
};

/** The Olympic years' special measures (東京オリンピック・パラリンピック特別措置法): moved days. */
const OLYMPIC_DAYS: Readonly<Record<number, { marine: number; sports: number; mountain: number }>> = {
  2020: { marine: 23, sports: 24, mountain: 10 }, // 7/23, 7/24, 8/10
  2021: { marine: 22, sports: 23, mountain: 8 }, // 7/22, 7/23, 8/8 (a Sunday: substitute 8/9)
};

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function timeOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The n-th Monday of a month (1-based). */
function nthMonday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((8 - first) % 7) + (n - 1) * 7;
}

/**
 * Vernal and autumnal equinox days by the formula for 1980–2099 (新こよみ便利帳); the official
 * dates are announced each February for the next year and agree with it over that range so far.
 */
function equinoxes(year: number): [number, number] {
  const base = year - 1980;
  const leap = Math.floor(base / 4);
  return [Math.floor(20.8431 + 0.242194 * base) - leap, Math.floor(23.2488 + 0.242194 * base) - leap];
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < RULES_FIRST_YEAR || year > RULES_LAST_YEAR)
    throw new RangeError(`the TSE calendar rules cover ${RULES_FIRST_YEAR}–${RULES_LAST_YEAR}, not ${year}`);
}

/** The national holidays proper (国民の祝日) of `year`, without substitute and citizens' holidays. */
function holidaysProper(year: number): Map<string, string> {
  const days = new Map<string, string>();
  const add = (month: number, day: number, name: string) => days.set(isoDate(Date.UTC(year, month - 1, day)), name);
  const [spring, autumn] = equinoxes(year);
  const olympic = OLYMPIC_DAYS[year];
  const happyMondays = year >= 2000; // 成人の日, 体育の日 (平成10年法律第141号)
  const happyMondays2003 = year >= 2003; // 海の日, 敬老の日 (平成13年法律第59号)

  add(1, 1, "元日");
  add(1, happyMondays ? nthMonday(year, 1, 2) : 15, "成人の日");
  add(2, 11, "建国記念の日");
  if (year >= 2020) add(2, 23, "天皇誕生日");
  add(3, spring, "春分の日");
  add(4, 29, year >= 2007 ? "昭和の日" : "みどりの日");
  add(5, 3, "憲法記念日");
  if (year >= 2007) add(5, 4, "みどりの日");
  add(5, 5, "こどもの日");
  if (olympic) add(7, olympic.marine, "海の日");
  else if (happyMondays2003) add(7, nthMonday(year, 7, 3), "海の日");
  else if (year >= 1996) add(7, 20, "海の日");
  if (olympic) add(8, olympic.mountain, "山の日");
  else if (year >= 2016) add(8, 11, "山の日");
  add(9, happyMondays2003 ? nthMonday(year, 9, 3) : 15, "敬老の日");
  add(9, autumn, "秋分の日");
  const sportsDay = year >= 2020 ? "スポーツの日" : "体育の日";
  if (olympic) add(7, olympic.sports, sportsDay);
  else add(10, happyMondays ? nthMonday(year, 10, 2) : 10, sportsDay);
  add(11, 3, "文化の日");
  add(11, 23, "勤労感謝の日");
  if (year <= 2018) add(12, 23, "天皇誕生日");
  for (const [date, name] of Object.entries(ONE_OFF_HOLIDAYS)) if (date.startsWith(`${year}-`)) days.set(date, name);
  return days;
}

const holidayCache = new Map<number, ReadonlyMap<string, string>>();

/**
 * Japan's national holidays of `year` with their names as the Cabinet Office's list writes them,
 * in date order: the holidays proper, substitute holidays and citizens' holidays (both "休日").
 *
 * - Substitute holiday (振替休日): a holiday on a Sunday moves the rest to the next day that is not
 *   a holiday (from 2007); before 2007, to the Monday only, and only when it is not a holiday.
 * - Citizens' holiday (国民の休日): a day between two holidays proper (Sundays excepted before 2007):
 *   5/4 until 2006, some 9/22s, 2019-04-30 and 2019-05-02.
 */
export function nationalHolidayNames(year: number): ReadonlyMap<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  checkYear(year);
  const proper = holidaysProper(year);
  const all = new Map(proper);
  for (const date of proper.keys()) {
    const time = timeOf(date);
    if (new Date(time).getUTCDay() !== 0) continue;
    let substitute = time + DAY_MS;
    if (year >= 2007) while (proper.has(isoDate(substitute))) substitute += DAY_MS;
    if (!proper.has(isoDate(substitute))) all.set(isoDate(substitute), RESTING_DAY);
  }
  for (const date of proper.keys()) {
    const between = timeOf(date) + DAY_MS;
    if (proper.has(isoDate(between)) || !proper.has(isoDate(between + DAY_MS))) continue;
    if (year < 2007 && new Date(between).getUTCDay() === 0) continue;
    all.set(isoDate(between), RESTING_DAY);
  }
  const sorted: ReadonlyMap<string, string> = new Map([...all].sort(([a], [b]) => (a < b ? -1 : 1)));
  holidayCache.set(year, sorted);
  return sorted;
}

/** Japan's national holidays of `year` (substitute and citizens' holidays included), in date order. */
export function nationalHolidays(year: number): ReadonlySet<string> {
  return new Set(nationalHolidayNames(year).keys());
}

/** The holiday's name on `date` ("休日" for substitute and citizens' holidays), or undefined. */
export function holidayName(date: string): string | undefined {
  return nationalHolidayNames(Number(date.slice(0, 4))).get(date);
}

/** Whether the exchange trades on `date` by the rules. */
export function isTradingDay(date: string): boolean {
  const weekday = new Date(timeOf(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay === "12-31" || monthDay === "01-01" || monthDay === "01-02" || monthDay === "01-03") return false;
  return !nationalHolidayNames(Number(date.slice(0, 4))).has(date);
}

/** The trading day `count` trading days after (or before, when negative) `date`. */
export function shiftTradingDays(date: string, count: number): string {
  let time = timeOf(date);
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
  for (let time = timeOf(from); time <= timeOf(to); time += DAY_MS) {
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
