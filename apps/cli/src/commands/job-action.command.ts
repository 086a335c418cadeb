import type { BulkAction } from "../api-client";
import { GLOBAL_HELP } from "../args";
import { EXIT } from "../cli-error";
import { statusLabel } from "../format";
import { print, runJobCommand, type Command } from "./command";

const DESCRIPTION: Record<BulkAction, { summary: string; detail: string }> = {
  stop: {
    summary: "ジョブを停止 (処理中の銘柄が終わると停止済み)",
    detail: "残りの銘柄を取り消します。状態は「停止要求中」になり、処理中の銘柄が終わると「停止済み」になります。",
  },
  pause: {
    summary: "ジョブを一時停止",
    detail: "待っている銘柄をすぐキューから外します。kabuto resume で残りを再開できます。",
  },
  resume: {
    summary: "一時停止したジョブを再開",
    detail: "まだ取得していない銘柄だけをキューに戻します。",
  },
};

function jobActionCommand(action: BulkAction): Command {
  return {
    name: action,
    summary: DESCRIPTION[action].summary,
    help: `使い方: kabuto ${action} <job_id>

${DESCRIPTION[action].detail} (POST /api/bulk/${action}/<job_id>)

終了コード: 0 受け付けられた、1 ジョブがない・API エラー、2 使い方の誤り

${GLOBAL_HELP}`,
    run(args, deps) {
      return runJobCommand(this.help, args, deps, async (jobId, context) => {
        const { message, job } = await context.api.bulkAction(action, jobId);
        print(deps, `${message}: ${job.id} (${statusLabel(job.status)})`);
        return EXIT.OK;
      });
    },
  };
}

export const stopCommand = jobActionCommand("stop");
export const pauseCommand = jobActionCommand("pause");
export const resumeCommand = jobActionCommand("resume");
