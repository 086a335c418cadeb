import type { Pool } from "pg";

import type { CalendarSource } from "../generated/prisma/client";

/** One day of the stored trading calendar. */
export interface StoredCalendarDay {
  date: string;
  isTradingDay: boolean;
  source: CalendarSource;
  updatedAt: Date;
}

/** A day to store. */
export type CalendarDayInput = Omit<StoredCalendarDay, "updatedAt">;

const UPSERT_SQL = `
  INSERT INTO trading_calendar (date, is_trading_day, source, updated_at)
  SELECT day, trading, source, $4::timestamptz
  FROM unnest($1::date[], $2::bool[], $3::calendar_source[]) AS t(day, trading, source)
  ON CONFLICT (date) DO UPDATE SET
    is_trading_day = EXCLUDED.is_trading_day, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at`;

// Dates travel as text both ways: node-postgres would turn a DATE into a local-time Date.
const SELECT_SQL = `
  SELECT to_char(date, 'YYYY-MM-DD') AS date, is_trading_day, source, updated_at
  FROM trading_calendar WHERE date BETWEEN $1::date AND $2::date ORDER BY date`;

/** The trading_calendar table (raw SQL on the pool: one statement stores a whole year). */
export function tradingCalendarRepository(pool: Pool) {
  return {
    /** The stored days from `from` to `to` (YYYY-MM-DD, both included), in date order. */
    async days(from: string, to: string): Promise<StoredCalendarDay[]> {
      const result = await pool.query<{
        date: string;
        is_trading_day: boolean;
        source: CalendarSource;
        updated_at: Date;
      }>(SELECT_SQL, [from, to]);
      return result.rows.map((row) => ({
        date: row.date,
        isTradingDay: row.is_trading_day,
        source: row.source,
        updatedAt: row.updated_at,
      }));
    },

    /** Stores days as of `at`, replacing what was stored for them; returns how many rows were written. */
    async save(days: readonly CalendarDayInput[], at: Date = new Date()): Promise<number> {
      if (days.length === 0) return 0;
      const byDate = new Map(days.map((day) => [day.date, day]));
      const unique = [...byDate.values()];
      const result = await pool.query(UPSERT_SQL, [
        unique.map((day) => day.date),
        unique.map((day) => day.isTradingDay),
        unique.map((day) => day.source),
        at,
      ]);
      return result.rowCount ?? 0;
    },
  };
}

export type TradingCalendarRepository = ReturnType<typeof tradingCalendarRepository>;
