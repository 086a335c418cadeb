import { parseArgs } from "node:util";

import type { z } from "zod";

import { UsageError } from "./cli-error";

/** Options every command takes. */
export const GLOBAL_OPTIONS = {
  url: { type: "string" },
  "api-key": { type: "string" },
  "progress-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const GLOBAL_HELP = `共通オプション:
  --url <url>           ゲートウェイ (環境変数 KABUTO_URL、既定 http://127.0.0.1:3000)
  --api-key <key>       APIキー (環境変数 KABUTO_API_KEY、なければ API_KEY)
  --progress-url <url>  進捗サービス (環境変数 KABUTO_PROGRESS_URL、既定 http://127.0.0.1:3001)
  -h, --help            この説明を表示`;

interface NodeParseError extends Error {
  code?: string;
}

/** A command's own options: strings and flags, never repeated. */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

export interface ParsedCommandArgs {
  values: {
    url?: string;
    "api-key"?: string;
    "progress-url"?: string;
    help?: boolean;
    [option: string]: string | boolean | undefined;
  };
  positionals: string[];
}

/**
 * `parseArgs` in strict mode with the global options added, its English errors turned into
 * one-line usage errors.
 */
export function parseCommandArgs(args: string[], options: OptionSpec): ParsedCommandArgs {
  try {
    return parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(translateParseError(error as NodeParseError));
  }
}

function translateParseError(error: NodeParseError): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不明なオプションです: ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return error.message.includes("argument missing")
        ? `${option} には値を指定してください`
        : `${option} は値を取りません`;
    default:
      return error.message;
  }
}

/** Validates a command's options with its schema; the first problem becomes the usage error. */
export function validateOptions<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "オプションが不正です");
  return parsed.data;
}

/** The one positional a command needs (a job id), or a usage error naming it. */
export function singlePositional(positionals: string[], name: string): string {
  if (positionals.length === 0) throw new UsageError(`${name} を指定してください`);
  if (positionals.length > 1) throw new UsageError(`余分な引数です: ${positionals.slice(1).join(" ")}`);
  return positionals[0]!;
}

export function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`余分な引数です: ${positionals.join(" ")}`);
}
