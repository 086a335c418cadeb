import type { QualityCheckName } from "@kabuto/contract";

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
