import type { Pool } from "pg";

import { QUALITY_CHECKS, type QualityCheckName, type QualityCounts } from "@kabuto/contract";
import type { Provider } from "@kabuto/core";

import type { PrismaClient, QualityIssue } from "../generated/prisma/client";

/** Which issues to list: any mix of run, symbol and check, a page at a time after a keyset cursor. */
export interface QualityIssueQuery {
  batchId?: string | undefined;
  symbol?: string | undefined;
  check?: QualityCheckName | undefined;
  /** Only issues after this id. */
  after?: bigint | undefined;
  limit: number;
}

/** A page of issues in the order they were found; `more` says whether issues follow the page. */
export async function readQualityIssues(
  prisma: PrismaClient,
  query: QualityIssueQuery,
): Promise<{ issues: QualityIssue[]; more: boolean }> {
  const rows = await prisma.qualityIssue.findMany({
    where: {
      ...(query.batchId ? { batchId: query.batchId } : {}),
      ...(query.symbol ? { symbol: query.symbol } : {}),
      ...(query.check ? { check: query.check } : {}),
      ...(query.after ? { id: { gt: query.after } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return { issues: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** Issues per check of each completed run (every check named, 0 when it found none), in one query; runs not completed are absent. */
export async function qualityCountsByRun(
  prisma: PrismaClient,
  runIds: readonly string[],
): Promise<Map<string, QualityCounts>> {
  const [completed, groups] = await Promise.all([
    prisma.qualityCheck.findMany({ where: { id: { in: [...runIds] }, status: "completed" }, select: { id: true } }),
    prisma.qualityIssue.groupBy({
      by: ["batchId", "check"],
      where: { batchId: { in: [...runIds] } },
      _count: { _all: true },
    }),
  ]);
  const found = new Map<string, Partial<Record<string, number>>>();
  for (const group of groups)
    found.set(group.batchId, { ...found.get(group.batchId), [group.check]: group._count._all });
  return new Map(
    completed.map(({ id }) => [
      id,
      Object.fromEntries(QUALITY_CHECKS.map((check) => [check, found.get(id)?.[check] ?? 0])) as QualityCounts,
    ]),
  );
}

/**
 * What the checks found on one source's bars between two dates (of some symbols, or every one):
 * issues per check, every check named, each (symbol, day, check) once however many runs found it.
 */
export async function qualityCountsInRange(
  pool: Pool,
  scope: { source: Provider; from: string; to: string; symbols?: readonly string[] | undefined },
): Promise<QualityCounts> {
  const { rows } = await pool.query<{ check: string; issues: number }>(
    `SELECT "check", count(DISTINCT (symbol, date))::int AS issues FROM quality_issues
     WHERE source = $1 AND date BETWEEN $2::date AND $3::date AND ($4::text[] IS NULL OR symbol = ANY($4))
     GROUP BY "check"`,
    [scope.source, scope.from, scope.to, scope.symbols ? [...scope.symbols] : null],
  );
  const found = new Map(rows.map((row) => [row.check, row.issues]));
  return Object.fromEntries(QUALITY_CHECKS.map((check) => [check, found.get(check) ?? 0])) as QualityCounts;
}
