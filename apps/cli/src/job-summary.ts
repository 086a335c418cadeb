import { QUALITY_CHECK_LABELS, type BulkJob, type QualityCheckName, type QualityCounts } from "@kabuto/contract";
import { statusLabel, UNIT_LABEL, formatCount, formatDecimal } from "./format";

/** What a batch's quality checks found: the checks with issues (label and API name) and their counts. */
export function formatQuality(quality: QualityCounts): string {
  const found = Object.entries(quality).filter(([, count]) => count > 0);
  if (found.length === 0) return "問題なし";
  return found
    .map(([check, count]) => `${QUALITY_CHECK_LABELS[check as QualityCheckName].ja} (${check}) ${formatCount(count)}`)
    .join("、");
}

/** The lines that close a watch: outcome, counts, records, duration, failures by class, reason. */
export function renderJobSummary(job: BulkJob): string[] {
  const unit = UNIT_LABEL[job.unit];
  const summary = job.summary;
  const total = summary?.total_symbols ?? job.progress.total;
  const successful = summary?.successful ?? job.progress.successful;
  const failed = summary?.failed ?? job.progress.failed;
  const untouched = total - job.progress.processed;
  const counts = [`成功 ${formatCount(successful)}`, `失敗 ${formatCount(failed)}`];
  if (untouched > 0) counts.push(`未処理 ${formatCount(untouched)}`);
  const parts = [`${statusLabel(job.status)}: ${formatCount(total)} ${unit}中 ${counts.join(" / ")}`];
  if (summary) {
    parts.push(`保存 ${formatCount(summary.records)} 件`, `所要 ${formatDecimal(summary.duration_seconds)} 秒`);
  }
  const { plan } = job;
  const dates = plan.from && plan.to ? `${plan.from}〜${plan.to}、` : "";
  const lines = [
    `計画: ${dates}リクエスト ${formatCount(plan.requests_used)} 回 (見積もり ${formatCount(plan.requests_estimated)} 回)`,
    ...(plan.skipped ? [`対象外: ${plan.skipped}`] : []),
    `${job.id} ${parts.join("、")}`,
  ];
  const classes = Object.entries(summary?.failures_by_class ?? {});
  if (classes.length > 0) {
    lines.push(`失敗の内訳: ${classes.map(([name, count]) => `${name} ${formatCount(count)}`).join("、")}`);
  }
  if (job.error) lines.push(`理由: ${job.error}`);
  return lines;
}

/** 0 for a completed job (even with failed symbols), 1 for a failed or cancelled one. */
export function exitCodeForStatus(status: BulkJob["status"]): number {
  return status === "completed" ? 0 : 1;
}
