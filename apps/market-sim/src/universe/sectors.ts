/** TSE 33 sectors with their TOPIX-17 sector, as JPX publishes them. */
export const SECTORS_33: readonly { code: number; name: string; sector17: number }[] = [
  { code: 50, name: "水産・農林業", sector17: 1 },
  { code: 1050, name: "鉱業", sector17: 2 },
  { code: 2050, name: "建設業", sector17: 3 },
  { code: 3050, name: "食料品", sector17: 1 },
  { code: 3100, name: "繊維製品", sector17: 4 },
  { code: 3150, name: "パルプ・紙", sector17: 4 },
  { code: 3200, name: "化学", sector17: 4 },
  { code: 3250, name: "医薬品", sector17: 5 },
  { code: 3300, name: "石油・石炭製品", sector17: 2 },
  { code: 3350, name: "ゴム製品", sector17: 6 },
  { code: 3400, name: "ガラス・土石製品", sector17: 3 },
  { code: 3450, name: "鉄鋼", sector17: 7 },
  { code: 3500, name: "非鉄金属", sector17: 7 },
  { code: 3550, name: "金属製品", sector17: 3 },
  { code: 3600, name: "機械", sector17: 8 },
  { code: 3650, name: "電気機器", sector17: 9 },
  { code: 3700, name: "輸送用機器", sector17: 6 },
  { code: 3750, name: "精密機器", sector17: 9 },
  { code: 3800, name: "その他製品", sector17: 10 },
  { code: 4050, name: "電気・ガス業", sector17: 11 },
  { code: 5050, name: "陸運業", sector17: 12 },
  { code: 5100, name: "海運業", sector17: 12 },
  { code: 5150, name: "空運業", sector17: 12 },
  { code: 5200, name: "倉庫・運輸関連業", sector17: 12 },
  { code: 5250, name: "情報・通信業", sector17: 10 },
  { code: 6050, name: "卸売業", sector17: 13 },
  { code: 6100, name: "小売業", sector17: 14 },
  { code: 7050, name: "銀行業", sector17: 15 },
  { code: 7100, name: "証券、商品先物取引業", sector17: 16 },
  { code: 7150, name: "保険業", sector17: 16 },
  { code: 7200, name: "その他金融業", sector17: 16 },
  { code: 8050, name: "不動産業", sector17: 17 },
  { code: 9050, name: "サービス業", sector17: 10 },
];

export const SECTORS_17: Record<number, string> = {
  1: "食品",
  2: "エネルギー資源",
  3: "建設・資材",
  4: "素材・化学",
  5: "医薬品",
  6: "自動車・輸送機",
  7: "鉄鋼・非鉄",
  8: "機械",
  9: "電機・精密",
  10: "情報通信・サービスその他",
  11: "電力・ガス",
  12: "運輸・物流",
  13: "商社・卸売",
  14: "小売",
  15: "銀行",
  16: "金融（除く銀行）",
  17: "不動産",
};

/** JPX's 規模コード and 規模区分. */
export const SCALES: Record<number, string> = {
  1: "TOPIX Core30",
  2: "TOPIX Large70",
  4: "TOPIX Mid400",
  6: "TOPIX Small 1",
  7: "TOPIX Small 2",
};

/** JPX's 市場・商品区分 with J-Quants' market code and name. */
export const MARKETS = {
  prime: { category: "プライム（内国株式）", code: "0111", name: "プライム" },
  standard: { category: "スタンダード（内国株式）", code: "0112", name: "スタンダード" },
  growth: { category: "グロース（内国株式）", code: "0113", name: "グロース" },
  pro: { category: "PRO Market", code: "0105", name: "TOKYO PRO MARKET" },
  etf: { category: "ETF・ETN", code: "0109", name: "その他" },
  reit: { category: "REIT・ベンチャーファンド・カントリーファンド・インフラファンド", code: "0109", name: "その他" },
  contribution: { category: "出資証券", code: "0109", name: "その他" },
} as const;
export type MarketKey = keyof typeof MARKETS;
