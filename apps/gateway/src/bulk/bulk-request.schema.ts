import { z } from "zod";

import { YAHOO_INTERVALS, YAHOO_RANGES } from "@kabuto/providers";

/** At most this many symbols in one batch (the whole market is about 4,400). */
export const MAX_SYMBOLS = 10_000;

const SYMBOLS_MESSAGE = "'symbols' は文字列リストで指定してください";
const TSE_SYMBOL = /^([0-9][0-9A-Z]{3}[0-9]?)(\.T)?$/;

/** "7203", "7203.T", "130a" → "7203.T", "130A.T"; undefined when it is not a TSE code. */
export function toYahooSymbol(text: string): string | undefined {
  const match = TSE_SYMBOL.exec(text.trim().toUpperCase());
  return match ? `${match[1]}.T` : undefined;
}

/** `POST /api/bulk/start`'s body; what a provider cannot serve is its source's to refuse (PriceSource.refusal). */
export const bulkStartSchema = z
  .object({
    symbols: z.array(z.string(), { message: "は文字列リストで指定してください" }).optional(),
    all: z.boolean().optional(),
    market_category: z.string().max(64).optional(),
    interval: z
      .enum(YAHOO_INTERVALS, { message: `'interval' は ${YAHOO_INTERVALS.join(", ")} のいずれかです` })
      .default("1d"),
    period: z.enum(YAHOO_RANGES, { message: `'period' は ${YAHOO_RANGES.join(", ")} のいずれかです` }).default("1mo"),
    provider: z.enum(["yahoo", "jquants"]).default("yahoo"),
  })
  .superRefine((body, context) => {
    if (body.all !== true && body.symbols === undefined)
      context.addIssue({ code: "custom", message: SYMBOLS_MESSAGE, path: [] });
    if (body.symbols !== undefined && body.symbols.length === 0)
      context.addIssue({ code: "custom", message: SYMBOLS_MESSAGE, path: [] });
    if ((body.symbols?.length ?? 0) > MAX_SYMBOLS) {
      context.addIssue({ code: "custom", message: `'symbols' は ${MAX_SYMBOLS} 件までです`, path: [] });
    }
    const invalid = body.symbols?.find((symbol) => toYahooSymbol(symbol) === undefined);
    if (invalid !== undefined) {
      context.addIssue({
        code: "custom",
        message: `'symbols' に東証の銘柄コードではないものがあります: ${JSON.stringify(invalid)}`,
        path: [],
      });
    }
  });
export type BulkStartRequest = z.infer<typeof bulkStartSchema>;
