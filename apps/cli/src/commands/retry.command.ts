import { GLOBAL_HELP } from "../args";
import { EXIT } from "../cli-error";
import { formatCount } from "../format";
import { print, runJobCommand, type Command } from "./command";

/** `kabuto retry <job>`: a new job of an ended job's failed symbols (or dates). */
export const retryCommand: Command = {
  name: "retry",
  summary: "終了したジョブの失敗した銘柄を新しいジョブで再取得",
  help: `使い方: kabuto retry <job_id>

終了したジョブで失敗した銘柄 (J-Quants は日付) だけを、同じデータソース・間隔・期間の新しいジョブで
取得し直します。元のジョブはそのまま残ります。(POST /api/bulk/retry/<job_id>)

終了コード: 0 受け付けられた、1 ジョブがない・終了していない・失敗がない・API エラー、2 使い方の誤り

${GLOBAL_HELP}`,
  run(args, deps) {
    return runJobCommand(this.help, args, deps, async (jobId, context) => {
      const { job_id: retryId, retried } = await context.api.retryBulk(jobId);
      print(
        deps,
        `再試行ジョブを開始しました: ${retryId} (${formatCount(retried)} 件)`,
        `進捗: kabuto watch ${retryId}`,
      );
      return EXIT.OK;
    });
  },
};
