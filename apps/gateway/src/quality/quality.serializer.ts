import type { QualityCheckName, QualityCheckRun, QualityCounts, QualityIssueBody } from "@kabuto/contract";
import { qualityCheckRange, type QualityCheck, type QualityIssue } from "@kabuto/db";

/** One check run as `GET /api/v1/quality/checks/:check_id` returns it; `counts` once it completed. */
export function serializeQualityCheck(check: QualityCheck, counts: QualityCounts | undefined): QualityCheckRun {
  return {
    id: check.id,
    batch_id: check.batchId,
    source: check.source,
    symbols: check.symbols,
    ...qualityCheckRange(check),
    status: check.status,
    issues: check.issues,
    ...(counts ? { by_check: counts } : {}),
    error: check.error,
    created_at: check.createdAt.toISOString(),
    finished_at: check.finishedAt?.toISOString() ?? null,
  };
}

/** One issue as `GET /api/v1/quality/issues` lists it. */
export function serializeQualityIssue(issue: QualityIssue): QualityIssueBody {
  return {
    id: String(issue.id),
    batch_id: issue.batchId,
    source: issue.source,
    symbol: issue.symbol,
    date: issue.date.toISOString().slice(0, 10),
    check: issue.check as QualityCheckName,
    detail: issue.detail as QualityIssueBody["detail"],
    created_at: issue.createdAt.toISOString(),
  };
}
