import { ApiRequestError } from "./api-client";
import type { CliDeps } from "./cli-deps";
import { CliError, EXIT, UsageError } from "./cli-error";
import type { Command } from "./commands/command";
import { exportCommand } from "./commands/export.command";
import { fetchCommand } from "./commands/fetch.command";
import { pauseCommand, resumeCommand, stopCommand } from "./commands/job-action.command";
import { jobsCommand } from "./commands/jobs.command";
import { pricesCommand } from "./commands/prices.command";
import { retryCommand } from "./commands/retry.command";
import { statusCommand } from "./commands/status.command";
import { syncCommand } from "./commands/sync.command";
import { updateCommand } from "./commands/update.command";
import { watchCommand } from "./commands/watch.command";
import { GLOBAL_HELP } from "./args";
import { padDisplay } from "./format";

const COMMANDS: readonly Command[] = [
  syncCommand,
  fetchCommand,
  updateCommand,
  watchCommand,
  statusCommand,
  jobsCommand,
  pricesCommand,
  exportCommand,
  stopCommand,
  pauseCommand,
  resumeCommand,
  retryCommand,
];

const HELP = `kabuto: 上場銘柄マスタの同期と株価の一括取得を、端末から開始・監視・操作します

使い方: kabuto <command> [オプション]

コマンド:
${COMMANDS.map((command) => `  ${padDisplay(command.name, 8)}${command.summary}`).join("\n")}

各コマンドの説明: kabuto <command> --help

${GLOBAL_HELP}

終了コード: 0 成功、1 失敗 (API エラー、ジョブの失敗・停止)、2 使い方の誤り`;

/** Runs one command line and resolves with the exit code; errors are told on stderr in one line. */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    deps.stdout.write(`${HELP}\n`);
    return EXIT.OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (name === undefined) throw new UsageError("コマンドを指定してください");
    if (!command) throw new UsageError(`不明なコマンドです: ${name}`);
    return await command.run(args, deps);
  } catch (error) {
    return reportError(error, deps, command?.name);
  }
}

function reportError(error: unknown, deps: CliDeps, commandName: string | undefined): number {
  if (error instanceof UsageError) {
    const help = commandName ? `kabuto ${commandName} --help` : "kabuto --help";
    deps.stderr.write(`kabuto: ${error.message}\n使い方: ${help}\n`);
    return EXIT.USAGE;
  }
  if (error instanceof ApiRequestError) {
    deps.stderr.write(`kabuto: ${error.message} (HTTP ${error.status} ${error.code})\n`);
    return error.code === "VALIDATION_ERROR" ? EXIT.USAGE : EXIT.FAILURE;
  }
  if (error instanceof CliError) {
    deps.stderr.write(`kabuto: ${error.message}\n`);
    return EXIT.FAILURE;
  }
  deps.stderr.write(
    `kabuto: 予期しないエラー: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.FAILURE;
}
