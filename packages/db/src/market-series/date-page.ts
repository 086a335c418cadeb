/** A date range (YYYY-MM-DD, inclusive) and a page size. */
export interface DatePageQuery {
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** One page of rows and the cursor of the next one (null on the last page). */
export interface DatePage<Row> {
  rows: Row[];
  next: string | null;
}

/** A YYYY-MM-DD date as the Date Prisma maps a `date` column to. */
export function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A `date` column's value as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
