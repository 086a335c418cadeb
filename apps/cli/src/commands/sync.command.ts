import { z } from "zod";

import { ApiRequestError } from "../api-client";
import { MASTER_SYNC_STATUS_LABELS, type SyncRun } from "@kabuto/contract";

import { GLOBAL_HELP, noPositionals, parseCommandArgs, validateOptions } from "../args";
import { CliError, EXIT } from "../cli-error";
import { formatCount, formatDecimal } from "../format";
import { createProgressView } from "../progress-view";
import { retryTransient } from "../transient-error";
import { commandContext, print, type Command, type CommandContext } from "./command";

const SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
const SYNC_POLL_MS = 500;
const SOURCE_LABEL: Record<string, string> = { jpx: "JPX data_j.xls", jquants: "J-Quants" };

const syncOptionsSchema = z.object({
  source: z.enum(["jpx", "jquants"], { message: "--source は jpx か jquants です" }).default("jpx"),
  "no-wait": z.boolean().default(false),
});

/** "完了: 4,358 銘柄 (追加 12 / 更新 4,300 / 削除 3)…" or the failure with its reason. */
export function renderSyncOutcome(run: SyncRun, activeCompanies: number): string {
  if (run.status === "failed") return `マスタ同期 #${run.id} が失敗しました: ${run.error ?? "理由不明"}`;
  const duration = run.duration_seconds === null ? "" : `、所要 ${formatDecimal(run.duration_seconds)} 秒`;
  return (
    `完了: ${formatCount(run.total)} 銘柄 (追加 ${formatCount(run.added)} / 更新 ${formatCount(run.updated)} / ` +
    `削除 ${formatCount(run.removed)})、有効な銘柄 ${formatCount(activeCompanies)}${duration}`
  );
}

/** Starts a sync, or finds the one already running when the gateway answers 409. */
async function startOrAttach(context: CommandContext, source: string): Promise<SyncRun> {
  try {
    const { run } = await context.api.startSync(source);
    print(context.deps, `マスタ同期 #${run.id} を開始しました (${SOURCE_LABEL[run.source] ?? run.source})`);
    return run;
  } catch (error) {
    if (!(error instanceof ApiRequestError && error.status === 409)) throw error;
    const { current } = await context.api.syncStatus(1);
    if (!current) throw error;
    print(
      context.deps,
      `実行中のマスタ同期 #${current.id} を待ちます (${SOURCE_LABEL[current.source] ?? current.source})`,
    );
    return current;
  }
}

async function waitForSync(context: CommandContext, run: SyncRun): Promise<number> {
  const { deps, api } = context;
  const view = createProgressView(deps.stdout, deps.clock, deps.timing.lineIntervalMs);
  const started = deps.clock.now();
  let interrupted = false;
  const stopListening = deps.onInterrupt(() => (interrupted = true));
  const line = (status: SyncRun["status"], frame?: number) => {
    const spinner = frame === undefined ? "" : ` ${SPINNER[frame % SPINNER.length]}`;
    return `マスタ同期 #${run.id} ${MASTER_SYNC_STATUS_LABELS[status].ja}${spinner} ${formatDecimal((deps.clock.now() - started) / 1000)} 秒`;
  };
  try {
    for (let frame = 0; ; frame += 1) {
      const status = await retryTransient(() => api.syncStatus(20), deps.clock, SYNC_POLL_MS);
      const current = status.history.find((candidate) => candidate.id === run.id);
      if (!current) throw new CliError(`マスタ同期 #${run.id} が履歴に見つかりません`);
      if (current.status === "completed" || current.status === "failed") {
        view.finish(line(current.status));
        print(deps, renderSyncOutcome(current, status.active_companies));
        return current.status === "completed" ? EXIT.OK : EXIT.FAILURE;
      }
      view.update(line(current.status, frame), current.status);
      await deps.clock.sleep(SYNC_POLL_MS);
      if (interrupted) {
        view.abort();
        deps.stderr.write(`待つのをやめました (同期は続いています: kabuto sync で再び待てます)\n`);
        return EXIT.INTERRUPTED;
      }
    }
  } catch (error) {
    view.abort();
    throw error;
  } finally {
    stopListening();
  }
}

export const syncCommand: Command = {
  name: "sync",
  summary: "上場銘柄マスタを同期して結果を表示",
  help: `使い方: kabuto sync [--source jpx|jquants] [--no-wait]

上場銘柄マスタの同期を開始し (POST /api/v1/companies/sync)、終わるまで待って
追加・更新・削除・総数を表示します。同期がすでに実行中 (409) なら、その同期を待ちます。

オプション:
  --source <source>  jpx (既定、JPX の data_j.xls) か jquants (J-Quants API)
  --no-wait          開始だけして待たない

終了コード: 0 完了、1 失敗・API エラー、2 使い方の誤り

${GLOBAL_HELP}`,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, {
      source: { type: "string" },
      "no-wait": { type: "boolean" },
    });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    noPositionals(positionals);
    const options = validateOptions(syncOptionsSchema, values);
    const context = commandContext(values, deps);
    const run = await startOrAttach(context, options.source);
    if (options["no-wait"]) return EXIT.OK;
    return waitForSync(context, run);
  },
};
