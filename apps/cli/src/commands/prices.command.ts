import { z } from "zod";

import { PRICE_ADJUSTMENTS, PRICE_INTERVALS, PRICE_PROVIDERS, type PriceBarBody } from "@kabuto/contract";
import { GLOBAL_HELP, parseCommandArgs, singlePositional, validateOptions } from "../args";
import { EXIT } from "../cli-error";
import { formatCount } from "../format";
import { commandContext, print, type Command } from "./command";

const pricesOptionsSchema = z.object({
  source: z.enum(PRICE_PROVIDERS, { message: "--source は yahoo か jquants です" }).default("yahoo"),
  adjust: z.enum(PRICE_ADJUSTMENTS, { message: "--adjust は none、split、all のいずれかです" }).default("split"),
  interval: z
    .enum(PRICE_INTERVALS, { message: `--interval は ${PRICE_INTERVALS.join(", ")} のいずれかです` })
    .default("1d"),
  from: z.string().optional(),
  to: z.string().optional(),
  json: z.boolean().default(false),
});

const COLUMNS = ["date", "open", "high", "low", "close", "volume"] as const;

/** One bar as a tab-separated line under the header: a daily bar by its date, an intraday one by its time. */
function renderBar(bar: PriceBarBody): string {
  const when = bar.ts.endsWith("T00:00:00.000Z") ? bar.date : bar.ts;
  return [when, ...COLUMNS.slice(1).map((column) => bar[column] ?? "")].join("\t");
}

export const pricesCommand: Command = {
  name: "prices",
  summary: "保存済みの株価を表示 (約定値・分割調整・配当込み)",
  help: `使い方: kabuto prices <code> [--source yahoo|jquants] [--adjust none|split|all] [--interval 1d] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

保存済みの株価を古い順に表示します (GET /api/v1/prices/<code>、ページは next をたどって全部)。
--adjust: none 約定値のまま、split 株式分割を調整 (既定)、all 配当も調整 (Yahoo の adjclose と同じ)。
表はタブ区切り (date, open, high, low, close, volume)、--json は 1 行 1 本の JSON です。

終了コード: 0 表示できた、1 API エラー、2 使い方の誤り

${GLOBAL_HELP}`,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, {
      source: { type: "string" },
      adjust: { type: "string" },
      interval: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean" },
    });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    const code = singlePositional(positionals, "銘柄コード");
    const options = validateOptions(pricesOptionsSchema, values);
    const { api } = commandContext(values, deps);
    const query = new URLSearchParams({
      source: options.source,
      adjust: options.adjust,
      interval: options.interval,
      limit: "10000",
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
    });
    if (!options.json) print(deps, COLUMNS.join("\t"));
    let shown = 0;
    for (let cursor: string | null | undefined; cursor !== null;) {
      if (cursor) query.set("cursor", cursor);
      const page = await api.prices(code, query);
      print(deps, ...page.bars.map((bar) => (options.json ? JSON.stringify(bar) : renderBar(bar))));
      shown += page.count;
      cursor = page.next;
    }
    deps.stderr.write(`${formatCount(shown)} 本 (${options.source}, ${options.adjust})\n`);
    return EXIT.OK;
  },
};
