import type { Pool } from "pg";

import type { InvestorTypeRow } from "@kabuto/core";

import type { PrismaClient } from "../generated/prisma/client";
import { isoDay, utcDay, type DatePage, type DatePageQuery } from "./date-page";

// J-Quants keeps a revised week beside the original with a newer PubDate: the newer one stays.
const UPSERT_SQL = `
  INSERT INTO investor_types (section, published_date, start_date, end_date, trading, updated_at)
  SELECT *, now() FROM unnest($1::text[], $2::date[], $3::date[], $4::date[], $5::jsonb[])
  ON CONFLICT (section, start_date, end_date) DO UPDATE SET
    published_date = EXCLUDED.published_date, trading = EXCLUDED.trading, updated_at = now()
  WHERE EXCLUDED.published_date >= investor_types.published_date`;

/** Rows per statement. */
const CHUNK = 5_000;

const keyOf = (row: Pick<InvestorTypeRow, "section" | "startDate" | "endDate">) =>
  `${row.startDate}_${row.section}_${row.endDate}`;

/**
 * Stores weeks idempotently in bulk (one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE`
 * per chunk). Of two publications of one (section, week), the newer is kept, whichever comes
 * first. Returns the rows written.
 */
export async function upsertInvestorTypes(pool: Pool, rows: readonly InvestorTypeRow[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const newest = new Map<string, InvestorTypeRow>();
    for (const row of rows.slice(start, start + CHUNK)) {
      const kept = newest.get(keyOf(row));
      if (!kept || kept.publishedDate <= row.publishedDate) newest.set(keyOf(row), row);
    }
    const chunk = [...newest.values()];
    const result = await pool.query(UPSERT_SQL, [
      chunk.map((row) => row.section),
      chunk.map((row) => row.publishedDate),
      chunk.map((row) => row.startDate),
      chunk.map((row) => row.endDate),
      chunk.map((row) => JSON.stringify(row.trading)),
    ]);
    written += result.rowCount ?? 0;
  }
  return written;
}

/** Which stored weeks to read: by publication date, optionally one section. */
export interface InvestorTypeQuery extends DatePageQuery {
  section?: string | undefined;
  /** `start_section_end` of the first week of the page, as `next` gave it. */
  cursor?: string | undefined;
}

/** One page of stored weeks by start date, then section and end date; `next` is the next week's key. */
export async function readInvestorTypes(
  prisma: PrismaClient,
  query: InvestorTypeQuery,
): Promise<DatePage<InvestorTypeRow>> {
  const [startDate, section, endDate] = query.cursor?.split("_") ?? [];
  const rows = await prisma.investorType.findMany({
    where: {
      ...(query.section ? { section: query.section } : {}),
      publishedDate: {
        ...(query.from ? { gte: utcDay(query.from) } : {}),
        ...(query.to ? { lte: utcDay(query.to) } : {}),
      },
      ...(startDate && section && endDate
        ? {
            OR: [
              { startDate: { gt: utcDay(startDate) } },
              { startDate: utcDay(startDate), section: { gt: section } },
              { startDate: utcDay(startDate), section, endDate: { gte: utcDay(endDate) } },
            ],
          }
        : {}),
    },
    orderBy: [{ startDate: "asc" }, { section: "asc" }, { endDate: "asc" }],
    take: query.limit + 1,
  });
  const weeks = rows.map((row) => ({
    section: row.section,
    publishedDate: isoDay(row.publishedDate),
    startDate: isoDay(row.startDate),
    endDate: isoDay(row.endDate),
    trading: row.trading as InvestorTypeRow["trading"],
  }));
  const next = weeks[query.limit];
  return { rows: weeks.slice(0, query.limit), next: next ? keyOf(next) : null };
}
