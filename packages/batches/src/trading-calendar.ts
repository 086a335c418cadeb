import { isTradingDay, tokyoDate, type Logger } from "@kabuto/core";
import { tradingCalendarRepository, type CalendarDayInput, type Database, type StoredCalendarDay } from "@kabuto/db";
import type { JQuantsClient } from "@kabuto/providers";

const DAY_MS = 86_400_000;
/** This year and next are asked again once what is stored of them is older than this. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
/** After J-Quants failed for a year, requests within this time do not ask it again. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/** Where a window's days came from: all from J-Quants, all from the rules, or both. */
export type CalendarWindowSource = "jquants" | "rules" | "mixed";

export interface CalendarWindow {
  source: CalendarWindowSource;
  /** Every day from `from` to `to`, in date order. */
  days: { date: string; isTradingDay: boolean }[];
}

export interface TradingCalendarOptions {
  pool: Database["pool"];
  /** The J-Quants client with the stored key, or undefined when none is configured. */
  jquants: () => Promise<JQuantsClient | undefined>;
  logger?: Pick<Logger, "warn">;
  now?: () => Date;
  refreshAfterMs?: number;
}

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS)
    dates.push(new Date(time).toISOString().slice(0, 10));
  return dates;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const daysInYear = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;

/**
 * The TSE's trading calendar for a window of dates. With a J-Quants key configured, each year of
 * the window is fetched whole from `/markets/calendar` (one request) and stored in
 * trading_calendar — J-Quants' days as `jquants`, the days of the year it does not have yet as
 * `rules` — and the answer comes from storage. A past year is fetched once; this year and next
 * are fetched again when what is stored is a day old (J-Quants adds next year around the end of
 * March, and a law can move a holiday); years after next are never asked (J-Quants cannot know
 * them). Without a key, or when J-Quants fails and nothing is stored, the rules answer.
 */
export function createTradingCalendar(options: TradingCalendarOptions) {
  const repository = tradingCalendarRepository(options.pool);
  const refreshAfterMs = options.refreshAfterMs ?? REFRESH_AFTER_MS;
  /** Years being fetched: concurrent requests for the same year share one J-Quants request. */
  const fetching = new Map<number, Promise<void>>();
  /** Years J-Quants failed for, and until when they are not asked again. */
  const failedUntil = new Map<number, number>();

  async function fetchAndStore(client: JQuantsClient, year: number, at: Date): Promise<void> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    let fetched: Awaited<ReturnType<JQuantsClient["fetchCalendar"]>>;
    try {
      fetched = await client.fetchCalendar({ from, to });
    } catch (error) {
      failedUntil.set(year, Date.now() + RETRY_AFTER_FAILURE_MS);
      options.logger?.warn("J-Quants calendar not fetched: answering from storage or the rules", {
        year,
        error: (error as Error).message,
      });
      return;
    }
    const known = new Map(fetched.map((day) => [day.date, day.isTradingDay]));
    const days: CalendarDayInput[] = datesBetween(from, to).map((date) => {
      const trading = known.get(date);
      return trading === undefined
        ? { date, isTradingDay: isTradingDay(date), source: "rules" }
        : { date, isTradingDay: trading, source: "jquants" };
    });
    const disagreements = days.filter((day) => day.source === "jquants" && day.isTradingDay !== isTradingDay(day.date));
    if (disagreements.length > 0)
      options.logger?.warn("J-Quants' calendar and the rules disagree; J-Quants is stored", {
        year,
        dates: disagreements.slice(0, 10).map((day) => day.date),
        count: disagreements.length,
      });
    await repository.save(days, at);
  }

  function fetchYear(client: JQuantsClient, year: number, at: Date): Promise<void> {
    let pending = fetching.get(year);
    if (!pending) {
      pending = fetchAndStore(client, year, at).finally(() => fetching.delete(year));
      fetching.set(year, pending);
    }
    return pending;
  }

  function needsFetch(year: number, stored: readonly StoredCalendarDay[], thisYear: number, now: number): boolean {
    if ((failedUntil.get(year) ?? 0) > Date.now()) return false;
    if (stored.length < daysInYear(year)) return true;
    if (year < thisYear) return false;
    return stored.some((day) => now - day.updatedAt.getTime() >= refreshAfterMs);
  }

  return {
    /** The days from `from` to `to` (YYYY-MM-DD, both included, within the rules' years). */
    async window(from: string, to: string): Promise<CalendarWindow> {
      const dates = datesBetween(from, to);
      const client = await options.jquants();
      if (!client) return { source: "rules", days: dates.map((date) => ({ date, isTradingDay: isTradingDay(date) })) };

      const now = (options.now ?? (() => new Date()))();
      const thisYear = yearOf(tokyoDate(now));
      const lastAskable = Math.min(yearOf(to), thisYear + 1);
      const years: number[] = [];
      for (let year = yearOf(from); year <= lastAskable; year++) years.push(year);

      let stored: StoredCalendarDay[] = [];
      if (years.length > 0) {
        const whole = await repository.days(`${years[0]}-01-01`, `${years.at(-1)}-12-31`);
        const stale = years.filter((year) =>
          needsFetch(
            year,
            whole.filter((day) => yearOf(day.date) === year),
            thisYear,
            now.getTime(),
          ),
        );
        for (const year of stale) await fetchYear(client, year, now);
        stored = stale.length > 0 ? await repository.days(from, to) : whole;
      }

      const byDate = new Map(stored.map((day) => [day.date, day]));
      const sources = new Set<"jquants" | "rules">();
      const days = dates.map((date) => {
        const day = byDate.get(date);
        sources.add(day?.source ?? "rules");
        return { date, isTradingDay: day ? day.isTradingDay : isTradingDay(date) };
      });
      return { source: sources.size === 1 ? [...sources][0]! : "mixed", days };
    },
  };
}

export type TradingCalendar = ReturnType<typeof createTradingCalendar>;
