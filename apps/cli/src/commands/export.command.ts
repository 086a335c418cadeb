import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import { z } from "zod";

import {
  DATASET_FORMATS,
  PRICE_ADJUSTMENTS,
  PRICE_PROVIDERS,
  isCalendarDate,
  type DatasetBody,
  type DatasetRequestBody,
} from "@kabuto/contract";
import type { ApiClient } from "../api-client";
import { GLOBAL_HELP, noPositionals, parseCommandArgs, validateOptions } from "../args";
import { EXIT, UsageError } from "../cli-error";
import { formatCount, statusLabel } from "../format";
import { commandContext, print, type Command, type CommandContext } from "./command";
import { INTERRUPTED, followJob, type WatchedJob } from "./watch.command";

const codes = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((code) => code.trim().toUpperCase())
      .filter((code) => code !== ""),
  )
  .refine((list) => list.length > 0, "--symbols には銘柄コードをカンマ区切りで指定してください");

const date = (flag: string) =>
  z
    .string({ message: `${flag} を YYYY-MM-DD で指定してください` })
    .refine(isCalendarDate, `${flag} は実在する日付を YYYY-MM-DD で指定してください`);

const rangeOptions = {
  from: date("--from"),
  to: date("--to"),
  all: z.boolean().optional(),
  symbols: codes.optional(),
  source: z.enum(PRICE_PROVIDERS, { message: "--source は yahoo か jquants です" }).default("yahoo"),
  out: z.string().min(1).optional(),
};

const oneSelection = (options: { all?: boolean | undefined; symbols?: string[] | undefined }) =>
  (options.all === true) !== (options.symbols !== undefined);
const SELECTION_MESSAGE = "--all か --symbols のどちらか一つを指定してください";

const datasetOptionsSchema = z
  .object({
    ...rangeOptions,
    market: z.string().trim().min(1).optional(),
    format: z.enum(DATASET_FORMATS, { message: "--format は parquet か csv です" }).default("parquet"),
  })
  .refine(oneSelection, SELECTION_MESSAGE)
  .refine(
    (options) => options.market === undefined || options.all === true,
    "--market は --all と一緒に指定してください",
  );

const pricesOptionsSchema = z
  .object({
    ...rangeOptions,
    adjust: z.enum(PRICE_ADJUSTMENTS, { message: "--adjust は none、split、all のいずれかです" }).default("split"),
    format: z.enum(DATASET_FORMATS, { message: "--format は parquet か csv です" }).default("csv"),
  })
  .refine(oneSelection, SELECTION_MESSAGE)
  .refine((options) => options.format === "csv" || options.out !== undefined, "Parquet は --out <file> に書きます");

/** A dataset build: `GET /api/v1/datasets/:id`. */
export const DATASET_JOB: WatchedJob<DatasetBody> = {
  statusPath: "/api/v1/datasets/<id>",
  watchAgain: (datasetId) => `GET /api/v1/datasets/${datasetId}`,
  read: (api, datasetId) => api.dataset(datasetId),
  snapshot: (dataset) => ({
    status: dataset.status,
    unit: "symbols",
    total: dataset.progress.total,
    processed: dataset.progress.processed,
    successful: dataset.status === "completed" ? dataset.progress.total : 0,
    failed: 0,
    percentage: dataset.progress.percentage,
    perMinute: null,
    estimatedCompletion: null,
  }),
  summarised: (dataset) => dataset.status !== "completed" || dataset.files.length > 0,
  summary: (dataset) => [
    `${dataset.id} ${statusLabel(dataset.status)}: ${formatCount(dataset.progress.total)} 銘柄、${formatCount(dataset.rows)} 行 (${dataset.from}〜${dataset.to}, ${dataset.source}, ${dataset.format})`,
    ...(dataset.error ? [`理由: ${dataset.error}`] : []),
  ],
  exitCode: (dataset) => (dataset.status === "completed" ? EXIT.OK : EXIT.FAILURE),
};

/** Streams one file route's answer into `file`; resolves with its size in bytes. */
async function save(api: ApiClient, route: string, file: string): Promise<number> {
  const response = await api.download(route);
  let bytes = 0;
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(body, createWriteStream(file));
  return bytes;
}

async function exportDataset(args: string[], context: CommandContext, values: Record<string, unknown>) {
  noPositionals(args);
  const options = validateOptions(datasetOptionsSchema, values);
  const body: DatasetRequestBody = {
    from: options.from,
    to: options.to,
    format: options.format,
    source: options.source,
    ...(options.symbols ? { symbols: options.symbols } : { all: true }),
    ...(options.market ? { market_code: options.market } : {}),
  };
  const accepted = await context.api.startDataset(body);
  print(context.deps, `データセットを作成します: ${accepted.dataset_id} (${formatCount(accepted.symbols)} 銘柄)`);
  const dataset = await followJob(accepted.dataset_id, context, DATASET_JOB);
  if (dataset === INTERRUPTED) return EXIT.INTERRUPTED;
  print(context.deps, ...DATASET_JOB.summary(dataset));
  if (dataset.status !== "completed") return DATASET_JOB.exitCode(dataset);
  const dir = path.join(options.out ?? ".", dataset.id);
  await mkdir(dir, { recursive: true });
  for (const file of dataset.files) {
    const bytes = await save(context.api, file.url, path.join(dir, file.name));
    print(context.deps, `  ${path.join(dir, file.name)} (${formatCount(bytes)} バイト)`);
  }
  return EXIT.OK;
}

async function exportPrices(args: string[], context: CommandContext, values: Record<string, unknown>) {
  noPositionals(args);
  const options = validateOptions(pricesOptionsSchema, values);
  const query = new URLSearchParams({
    from: options.from,
    to: options.to,
    source: options.source,
    adjust: options.adjust,
    format: options.format,
    ...(options.symbols ? { symbols: options.symbols.join(",") } : { all: "true" }),
  });
  const route = `/api/v1/prices/export?${query}`;
  if (options.out === undefined) {
    const response = await context.api.download(route);
    // The CSV is ASCII (codes, dates, numbers): a chunk never splits a character.
    for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>))
      context.deps.stdout.write(Buffer.from(chunk as Uint8Array).toString("utf8"));
    return EXIT.OK;
  }
  const bytes = await save(context.api, route, options.out);
  context.deps.stderr.write(`${options.out} (${formatCount(bytes)} バイト, ${options.format}, ${options.adjust})\n`);
  return EXIT.OK;
}

const HELP = `使い方: kabuto export dataset --from YYYY-MM-DD --to YYYY-MM-DD (--all [--market <コード>] | --symbols <codes>) [--format parquet|csv] [--source yahoo|jquants] [--out <dir>]
       kabuto export prices  --from YYYY-MM-DD --to YYYY-MM-DD (--all | --symbols <codes>) [--format csv|parquet] [--adjust none|split|all] [--source yahoo|jquants] [--out <file>]

dataset: 機械学習用データセット (1 行 1 銘柄 1 日、分割調整済み OHLCV と seed 003 の特徴量 63 列) を
  作成し (POST /api/v1/datasets)、進捗をバーで表示して、できたファイル (dataset.parquet か
  dataset.csv と metadata.json) を <dir>/<dataset_id>/ に保存します (既定 --out .、--format parquet)。
prices: 保存済みの日足 (code, date, open, high, low, close, volume, turnover) を 1 つのファイルに
  書き出します (GET /api/v1/prices/export)。CSV は --out がなければ標準出力へ、Parquet は --out へ。

終了コード: 0 完了、1 失敗・API エラー、2 使い方の誤り、130 Ctrl-C (データセットの作成は続きます)

例:
  kabuto export dataset --all --from 2025-01-01 --to 2025-12-31
  kabuto export dataset --symbols 7203,6758 --from 2024-01-01 --to 2024-12-31 --format csv --out ./data
  kabuto export prices --all --from 2016-01-01 --to 2025-12-31 --format parquet --out prices.parquet

${GLOBAL_HELP}`;

export const exportCommand: Command = {
  name: "export",
  summary: "ML データセットや株価をファイル (Parquet / CSV) に書き出す",
  help: HELP,
  async run(args, deps) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: "string" },
      to: { type: "string" },
      all: { type: "boolean" },
      symbols: { type: "string" },
      market: { type: "string" },
      source: { type: "string" },
      adjust: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    });
    if (values.help) {
      print(deps, this.help);
      return EXIT.OK;
    }
    const [what, ...rest] = positionals;
    const context = commandContext(values, deps);
    if (what === "dataset") return exportDataset(rest, context, values);
    if (what === "prices") {
      if (values.market !== undefined) throw new UsageError("--market は export dataset だけのオプションです");
      return exportPrices(rest, context, values);
    }
    throw new UsageError(what === undefined ? "dataset か prices を指定してください" : `不明な書き出し先です: ${what}`);
  },
};
