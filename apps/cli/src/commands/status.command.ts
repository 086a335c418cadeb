import { z } from "zod";

import type { BulkJob } from "@kabuto/contract";
import { GLOBAL_HELP, parseCommandArgs, singlePositional, validateOptions } from "../args";
import { EXIT } from "../cli-error";
import { statusLabel, UNIT_LABEL, formatCount, formatDateTime, formatDecimal, padDisplay } from "../format";
import { formatQuality } from "../job-summary";
import { renderBar } from "../progress-line";
import { commandContext, print, type Command } from "./command";

/** One job as label/value rows. */
export function renderJobStatus(job: BulkJob): string[] {
  const unit = UNIT_LABEL[job.unit];
  const fraction = job.progress.total === 0 ? 1 : job.progress.processed / job.progress.total;
  const rows: [string, string][] = [
    ["ジョブ", job.id],
    ["状態", statusLabel(job.status)],
    ["取得", [job.provider, job.interval, job.period].filter(Boolean).join(" ")],
    [
      "進捗",
      `${renderBar(fraction, 30)} ${formatDecimal(job.progress.progress_percentage)}%  ${formatCount(job.progress.processed)}/${formatCount(job.progress.total)} ${unit}`,
    ],
    ["成功", formatCount(job.progress.successful)],
    ["失敗", formatCount(job.progress.failed)],
  ];
  if (job.summary) {
    rows.push(["保存", `${formatCount(job.summary.records)} 件`]);
    rows.push(["所要", `${formatDecimal(job.summary.duration_seconds)} 秒`]);
    const classes = Object.entries(job.summary.failures_by_class);
    if (classes.length > 0)
      rows.push(["失敗の内訳", classes.map(([name, count]) => `${name} ${formatCount(count)}`).join("、")]);
    if (job.summary.quality) rows.push(["品質", formatQuality(job.summary.quality)]);
    else if (job.status === "completed") rows.push(["品質", "チェック待ち"]);
  }
  if (job.error) rows.push(["理由", job.error]);
  rows.push(["作成", formatDateTime(job.created_at)], ["更新", formatDateTime(job.updated_at)]);
  return rows.map(([label, value]) => `${padDisplay(label, 12)}${value}`);
}

const statusOptionsSchema = z.object({ json: z.boolean().default(false) });

export const statusCommand: Command = {
  name: "status",
  summary: "ジョブの状態を一度だけ表示",
  help: `使い方: kabuto status <job_id> [--json]

ジョブの状態、進捗、終わっていればサマリーと品質チェックの結果を表示します
(GET /api/bulk/status/<job_id>)。

オプション:
  --json   API の job をそのまま JSON で出力

終了コード: 0 表示できた、1 ジョブがない・API エラー、2 使い方の誤り

${GLOBAL_HELP}`,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: "boolean" } });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    const jobId = singlePositional(positionals, "ジョブID");
    const options = validateOptions(statusOptionsSchema, values);
    const job = await commandContext(values, deps).api.bulkStatus(jobId);
    print(deps, ...(options.json ? [JSON.stringify(job, null, 2)] : renderJobStatus(job)));
    return EXIT.OK;
  },
};
