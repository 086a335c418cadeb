const TSE_SYMBOL = /^([0-9][0-9A-Z]{3}[0-9]?)(\.T)?$/;

/** "7203", "7203.T", "130a" → "7203.T", "130A.T"; undefined when it is not a TSE code. */
export function toYahooSymbol(text: string): string | undefined {
  const match = TSE_SYMBOL.exec(text.trim().toUpperCase());
  return match ? `${match[1]}.T` : undefined;
}
