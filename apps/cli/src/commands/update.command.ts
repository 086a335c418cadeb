import { z } from "zod";

import { PRICE_PROVIDERS } from "@kabuto/contract";

import { GLOBAL_HELP, noPositionals, parseCommandArgs, validateOptions } from "../args";
import { EXIT } from "../cli-error";
import { commandContext, print, type Command } from "./command";
import { followStartedJob } from "./watch.command";

const updateOptionsSchema = z.object({
  provider: z.enum(PRICE_PROVIDERS, { message: "--provider は yahoo か jquants です" }).optional(),
  "no-watch": z.boolean().default(false),
});

export const updateCommand: Command = {
  name: "update",
  summary: "日次更新 (前回の保存分以降だけ) を今すぐ開始して進捗を表示",
  help: `使い方: kabuto update [オプション]

19:00 の日次更新と同じジョブを今すぐ開始し (POST /api/bulk/update)、ジョブIDを表示して進捗を表示します。
マスタの有効な全銘柄について、保存済みの最後の足以降だけを取得します:
  yahoo    銘柄ごとに最後の足の日から今日まで (1 銘柄 1 リクエスト)。足のない銘柄は 5 日分
  jquants  最後に保存した営業日より後の営業日ごと (市場全体) と TOPIX

オプション:
  --provider <name>     yahoo か jquants (既定: 日次更新のスケジュールのプロバイダ、なければ yahoo)
  --no-watch            開始だけして進捗を表示しない (後で kabuto watch <job_id>)

終了コード: 0 完了 (--no-watch なら開始できた)、1 失敗・停止済み・API エラー、2 使い方の誤り

例:
  kabuto update
  kabuto update --provider jquants --no-watch

${GLOBAL_HELP}`,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, {
      provider: { type: "string" },
      "no-watch": { type: "boolean" },
    });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    noPositionals(positionals);
    const options = validateOptions(updateOptionsSchema, values);
    const context = commandContext(values, deps);
    const { job_id: jobId } = await context.api.startUpdate(options.provider ? { provider: options.provider } : {});
    print(deps, `日次更新を開始しました: ${jobId}`);
    return followStartedJob(jobId, options["no-watch"], context);
  },
};
