/** A market segment or product category, keyed by Kabuto's market code. */
export interface MarketDefinition {
  code: string;
  name: string;
  nameEnglish: string;
}

/**
 * J-Quants' market codes where J-Quants has one (0105, 0109, 0111–0113). JPX's file also tells
 * ETFs, REITs and 出資証券 apart, which J-Quants lumps into 0109 その他: Kabuto keeps that
 * distinction with codes of its own in 012x.
 */
export const MARKETS: readonly MarketDefinition[] = [
  { code: "0105", name: "PRO Market", nameEnglish: "TOKYO PRO Market" },
  { code: "0109", name: "その他", nameEnglish: "Others" },
  { code: "0111", name: "プライム", nameEnglish: "Prime" },
  { code: "0112", name: "スタンダード", nameEnglish: "Standard" },
  { code: "0113", name: "グロース", nameEnglish: "Growth" },
  { code: "0121", name: "ETF・ETN", nameEnglish: "ETF/ETN" },
  { code: "0122", name: "REIT・インフラファンド等", nameEnglish: "REIT, infrastructure and other funds" },
  { code: "0123", name: "出資証券", nameEnglish: "Preferred equity contributions" },
];

const BY_CODE = new Map(MARKETS.map((market) => [market.code, market]));

/** JPX's 市場・商品区分 (domestic and foreign shares alike) → market code. */
const JPX_CATEGORY_CODES: Record<string, string> = {
  "プライム（内国株式）": "0111",
  "プライム（外国株式）": "0111",
  "スタンダード（内国株式）": "0112",
  "スタンダード（外国株式）": "0112",
  "グロース（内国株式）": "0113",
  "グロース（外国株式）": "0113",
  "PRO Market": "0105",
  "ETF・ETN": "0121",
  "REIT・ベンチャーファンド・カントリーファンド・インフラファンド": "0122",
  出資証券: "0123",
};

/** The market of a JPX 市場・商品区分, or undefined for a category Kabuto does not know. */
export function marketOfJpxCategory(category: string): MarketDefinition | undefined {
  const code = JPX_CATEGORY_CODES[category];
  return code === undefined ? undefined : BY_CODE.get(code);
}

/** The market of a J-Quants market code (unknown codes keep their code and J-Quants' name). */
export function marketOfCode(code: string, fallbackName: string): Pick<MarketDefinition, "code" | "name"> {
  return BY_CODE.get(code) ?? { code, name: fallbackName };
}
