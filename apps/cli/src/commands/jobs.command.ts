import { z } from "zod";

import type { BulkJob } from "@kabuto/contract";
import { GLOBAL_HELP, noPositionals, parseCommandArgs, validateOptions } from "../args";
import { EXIT } from "../cli-error";
import { statusLabel, UNIT_LABEL, displayWidth, formatCount, formatDateTime, padDisplay } from "../format";
import { commandContext, print, type Command } from "./command";

const HEADER = ["ジョブID", "状態", "取得", "進捗", "失敗", "作成"];

/** Recent jobs as an aligned table, newest first. */
export function renderJobsTable(jobs: BulkJob[]): string[] {
  const rows = jobs.map((job) => [
    job.id,
    statusLabel(job.status),
    [job.provider, job.interval, job.period].filter(Boolean).join(" "),
    `${formatCount(job.progress.processed)}/${formatCount(job.progress.total)} ${UNIT_LABEL[job.unit]}`,
    formatCount(job.progress.failed),
    formatDateTime(job.created_at),
  ]);
  const widths = HEADER.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column]!))),
  );
  return [HEADER, ...rows].map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : padDisplay(cell, widths[column]!))).join("  "),
  );
}

const jobsOptionsSchema = z.object({
  limit: z.coerce
    .number({ message: "--limit は 1〜100 の整数です" })
    .int("--limit は 1〜100 の整数です")
    .min(1, "--limit は 1〜100 の整数です")
    .max(100, "--limit は 1〜100 の整数です")
    .default(20),
});

export const jobsCommand: Command = {
  name: "jobs",
  summary: "最近のジョブを一覧表示",
  help: `使い方: kabuto jobs [--limit <n>]

最近の一括取得ジョブを新しい順に表示します (GET /api/bulk/jobs)。

オプション:
  --limit <n>   表示する件数 (1〜100、既定 20)

${GLOBAL_HELP}`,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, { limit: { type: "string" } });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    noPositionals(positionals);
    const { limit } = validateOptions(jobsOptionsSchema, values);
    const { jobs, total } = await commandContext(values, deps).api.bulkJobs(limit, 0);
    if (jobs.length === 0) {
      print(deps, "ジョブはまだありません");
      return EXIT.OK;
    }
    print(deps, ...renderJobsTable(jobs), `(${formatCount(jobs.length)} / ${formatCount(total)} 件)`);
    return EXIT.OK;
  },
};
