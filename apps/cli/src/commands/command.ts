import { createApiClient, type ApiClient } from "../api-client";
import { parseCommandArgs, singlePositional } from "../args";
import type { CliDeps } from "../cli-deps";
import { EXIT } from "../cli-error";
import { resolveConfig, type CliConfig } from "../config";

/** A `kabuto` subcommand. */
export interface Command {
  name: string;
  /** One line for `kabuto --help`. */
  summary: string;
  help: string;
  /** Resolves with the exit code. */
  run(args: string[], deps: CliDeps): Promise<number>;
}

export interface CommandContext {
  deps: CliDeps;
  config: CliConfig;
  api: ApiClient;
}

/** The configuration from the global options and the environment, and a client of that gateway. */
export function commandContext(
  values: { url?: string; "api-key"?: string; "progress-url"?: string },
  deps: CliDeps,
): CommandContext {
  const config = resolveConfig(values, deps.env);
  return { deps, config, api: createApiClient({ baseUrl: config.url, apiKey: config.apiKey, fetch: deps.fetch }) };
}

/** Writes lines to stdout. */
export function print(deps: CliDeps, ...lines: string[]): void {
  deps.stdout.write(lines.map((line) => `${line}\n`).join(""));
}

/** Runs a command that takes one job id and no options of its own; `--help` prints its help. */
export async function runJobCommand(
  help: string,
  args: string[],
  deps: CliDeps,
  act: (jobId: string, context: CommandContext) => Promise<number>,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) {
    print(deps, help);
    return EXIT.OK;
  }
  return act(singlePositional(positionals, "ジョブID"), commandContext(values, deps));
}
