import { z } from "zod";

import type { BulkStartBody } from "../api-client";
import { GLOBAL_HELP, noPositionals, parseCommandArgs, validateOptions } from "../args";
import { EXIT } from "../cli-error";
import { commandContext, print, type Command } from "./command";
import { followStartedJob } from "./watch.command";

/** A TSE code as the gateway takes it: 7203, 130A, 25935, with or without ".T". */
const TSE_SYMBOL = /^[0-9][0-9A-Z]{3}[0-9]?(\.T)?$/;

const fetchOptionsSchema = z
  .object({
    all: z.boolean().optional(),
    symbols: z
      .string()
      .transform((text) =>
        text
          .split(",")
          .map((symbol) => symbol.trim().toUpperCase())
          .filter((symbol) => symbol !== ""),
      )
      .refine((symbols) => symbols.length > 0, "--symbols には銘柄コードをカンマ区切りで指定してください")
      .superRefine((symbols, context) => {
        const invalid = symbols.find((symbol) => !TSE_SYMBOL.test(symbol));
        if (invalid !== undefined)
          context.addIssue({
            code: "custom",
            message: `--symbols に東証の銘柄コードではないものがあります: ${invalid}`,
          });
      })
      .optional(),
    market: z.string().trim().min(1, "--market には市場区分 (例: プライム) を指定してください").optional(),
    period: z
      .string()
      .regex(/^[0-9a-z]+$/, "--period は 1mo, 1y, max などで指定してください")
      .optional(),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "--from は YYYY-MM-DD で指定してください")
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "--to は YYYY-MM-DD で指定してください")
      .optional(),
    interval: z
      .string()
      .regex(/^[0-9a-z]+$/, "--interval は 1d, 1h, 5m などで指定してください")
      .default("1d"),
    provider: z.enum(["yahoo", "jquants"], { message: "--provider は yahoo か jquants です" }).default("yahoo"),
    "no-watch": z.boolean().default(false),
  })
  .superRefine((options, context) => {
    const chosen = [options.all === true, options.symbols !== undefined, options.market !== undefined];
    if (chosen.filter(Boolean).length !== 1)
      context.addIssue({
        code: "custom",
        message: "--all、--symbols、--market のどれか一つを指定してください",
      });
    if (options.period !== undefined && (options.from !== undefined || options.to !== undefined))
      context.addIssue({ code: "custom", message: "--period と --from/--to は同時に指定できません" });
    if (options.to !== undefined && options.from === undefined)
      context.addIssue({ code: "custom", message: "--to には --from も指定してください" });
  });

/** How far back `kabuto fetch` reaches when given neither --period nor --from. */
const DEFAULT_PERIOD = "1y";

/** The start request for the chosen selection (a market means every active listing of that market). */
export function bulkStartBody(options: z.infer<typeof fetchOptionsSchema>): BulkStartBody {
  const common = {
    ...(options.from
      ? { from: options.from, ...(options.to ? { to: options.to } : {}) }
      : { period: options.period ?? DEFAULT_PERIOD }),
    interval: options.interval,
    provider: options.provider,
  };
  if (options.symbols) return { symbols: options.symbols, ...common };
  if (options.market) return { all: true, market_category: options.market, ...common };
  return { all: true, ...common };
}

export function parseFetchOptions(values: Record<string, unknown>) {
  return validateOptions(fetchOptionsSchema, values);
}

export const fetchCommand: Command = {
  name: "fetch",
  summary: "株価の一括取得を開始して進捗を表示",
  help: `使い方: kabuto fetch (--all | --symbols <codes> | --market <市場区分>) [オプション]

株価の一括取得ジョブを開始し (POST /api/bulk/start)、ジョブIDを表示して進捗を表示します。

対象 (どれか一つ):
  --all                 マスタの有効な全銘柄
  --symbols <codes>     カンマ区切りの銘柄コード (例: 7203,6758.T,130A)
  --market <市場区分>   その市場の有効な全銘柄 (例: プライム、スタンダード、グロース)

オプション:
  --period <period>     期間 (既定 1y; 1d 5d 1mo 3mo 6mo 1y 2y 5y 10y ytd max)
  --from <YYYY-MM-DD>   この日から (--period の代わり; J-Quants はプランの期間に切り詰め、
                        1 か月以上は一括ファイルで取得)
  --to <YYYY-MM-DD>     この日まで (既定 今日; --from と一緒に)
  --interval <interval> 足の間隔 (既定 1d; 1m 5m 15m 30m 1h 1d 1wk 1mo など)
  --provider <name>     yahoo (既定) か jquants
  --no-watch            開始だけして進捗を表示しない (後で kabuto watch <job_id>)

終了コード: 0 完了 (--no-watch なら開始できた)、1 失敗・停止済み・API エラー、2 使い方の誤り

例:
  kabuto fetch --all --period 1y
  kabuto fetch --symbols 7203,6758 --period 1mo --interval 1d
  kabuto fetch --all --provider jquants --from 2016-01-01
  kabuto fetch --market プライム --no-watch

${GLOBAL_HELP}`,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, {
      all: { type: "boolean" },
      symbols: { type: "string" },
      market: { type: "string" },
      period: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      interval: { type: "string" },
      provider: { type: "string" },
      "no-watch": { type: "boolean" },
    });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    noPositionals(positionals);
    const options = parseFetchOptions(values);
    const context = commandContext(values, deps);
    const { job_id: jobId } = await context.api.startBulk(bulkStartBody(options));
    print(deps, `ジョブを開始しました: ${jobId}`);
    return followStartedJob(jobId, options["no-watch"], context);
  },
};
