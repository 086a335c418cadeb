import type { Pool } from "pg";

import { toYahooSymbol } from "@kabuto/contract";
import type { Provider } from "@kabuto/core";
import { symbolsWithBars, unknownSymbols } from "@kabuto/db";

import { SelectionError } from "./selection.error";

/** Which symbols a dataset or export is of: listed codes, or every one (of one market). */
export interface Selection {
  source: Provider;
  from: string;
  to: string;
  /** JPX codes or Yahoo symbols as the client sent them; undefined: every one. */
  symbols?: readonly string[] | undefined;
  marketCode?: string | undefined;
}

/** A selection's codes as Yahoo symbols, each once, in the order given. */
export function requestedSymbols(symbols: readonly string[]): string[] {
  return [...new Set(symbols.map((symbol) => toYahooSymbol(symbol)!))];
}

/**
 * The Yahoo symbols of a selection that have bars in its range, sorted. Codes the master does not
 * know, and a selection without a single stored bar, are refused with the field to blame.
 */
export async function resolveSelection(pool: Pool, selection: Selection): Promise<string[]> {
  const requested = selection.symbols ? requestedSymbols(selection.symbols) : undefined;
  if (requested) {
    const unknown = await unknownSymbols(pool, requested);
    if (unknown.length > 0)
      throw new SelectionError(
        "symbols",
        `'symbols' にマスタにない銘柄コードがあります: ${unknown
          .slice(0, 10)
          .map((symbol) => symbol.slice(0, -2))
          .join(", ")}`,
      );
  }
  const symbols = await symbolsWithBars(pool, {
    source: selection.source,
    from: selection.from,
    to: selection.to,
    symbols: requested,
    marketCode: selection.marketCode,
  });
  if (symbols.length === 0)
    throw new SelectionError(
      "from",
      `'from' から 'to' (${selection.from}〜${selection.to}) に ${selection.source} の日足が保存されていません`,
    );
  return symbols;
}
