import type { Pool } from "pg";

import type { IndexBarRow } from "@kabuto/core";

import type { PrismaClient } from "../generated/prisma/client";
import { isoDay, utcDay, type DatePage, type DatePageQuery } from "./date-page";

const UPSERT_SQL = `
  INSERT INTO index_bars (index_code, date, open, high, low, close, updated_at)
  SELECT *, now() FROM unnest($1::text[], $2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[])
  ON CONFLICT (index_code, date) DO UPDATE SET
    open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close, updated_at = now()`;

/** Rows per statement. */
const CHUNK = 5_000;

/**
 * Stores index bars idempotently in bulk (one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * UPDATE` per chunk; the last bar of a repeated (index, date) wins). Returns the rows written.
 */
export async function upsertIndexBars(pool: Pool, bars: readonly IndexBarRow[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < bars.length; start += CHUNK) {
    const chunk = [
      ...new Map(bars.slice(start, start + CHUNK).map((bar) => [`${bar.indexCode} ${bar.date}`, bar])).values(),
    ];
    const result = await pool.query(UPSERT_SQL, [
      chunk.map((bar) => bar.indexCode),
      chunk.map((bar) => bar.date),
      chunk.map((bar) => bar.open),
      chunk.map((bar) => bar.high),
      chunk.map((bar) => bar.low),
      chunk.map((bar) => bar.close),
    ]);
    written += result.rowCount ?? 0;
  }
  return written;
}

/** Which stored bars of one index to read, and where the page starts (a date). */
export interface IndexBarQuery extends DatePageQuery {
  indexCode: string;
  cursor?: string | undefined;
}

/** One page of an index's stored bars, oldest first; `next` is the first date of the next page. */
export async function readIndexBars(prisma: PrismaClient, query: IndexBarQuery): Promise<DatePage<IndexBarRow>> {
  const rows = await prisma.indexBar.findMany({
    where: {
      indexCode: query.indexCode,
      date: {
        ...(query.from ? { gte: utcDay(query.from) } : {}),
        ...(query.to ? { lte: utcDay(query.to) } : {}),
      },
      ...(query.cursor ? { AND: { date: { gte: utcDay(query.cursor) } } } : {}),
    },
    orderBy: { date: "asc" },
    take: query.limit + 1,
  });
  const bars = rows.map((row) => ({
    indexCode: row.indexCode,
    date: isoDay(row.date),
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
  }));
  const next = bars[query.limit];
  return { rows: bars.slice(0, query.limit), next: next ? next.date : null };
}

/** One index's closes between two dates (inclusive), oldest first. */
export async function readIndexCloses(
  pool: Pool,
  scope: { indexCode: string; from: string; to: string },
): Promise<{ date: string; close: number }[]> {
  const { rows } = await pool.query<{ date: string; close: number }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, close FROM index_bars
     WHERE index_code = $1 AND date BETWEEN $2::date AND $3::date ORDER BY date`,
    [scope.indexCode, scope.from, scope.to],
  );
  return rows;
}
