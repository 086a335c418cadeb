/**
 * JPX's codes: four characters, the second and fourth a digit or one of the letters JPX uses
 * ("7203", "130A"), or five digits (preferred shares, "25935"). "1E309" is none of them.
 */
const TSE_SYMBOL = /^([0-9][0-9ACDFGHJKLMNPRSTUWXY][0-9][0-9ACDFGHJKLMNPRSTUWXY]|[0-9]{5})(\.T)?$/;

/** "7203", "7203.T", "130a" → "7203.T", "130A.T"; undefined when it is not a TSE code. */
export function toYahooSymbol(text: string): string | undefined {
  const match = TSE_SYMBOL.exec(text.trim().toUpperCase());
  return match ? `${match[1]}.T` : undefined;
}
