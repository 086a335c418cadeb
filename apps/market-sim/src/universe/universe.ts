import { hash, pick, seededRandom } from "../random";
import type { Listing } from "./listing";
import { SECTORS_33, type MarketKey } from "./sectors";

const PREFIXES: readonly [string, string][] = [
  ["東和", "TOWA"],
  ["大和", "YAMATO"],
  ["日本", "NIPPON"],
  ["三和", "SANWA"],
  ["北陸", "HOKURIKU"],
  ["中央", "CHUO"],
  ["昭和", "SHOWA"],
  ["富士", "FUJI"],
  ["東洋", "TOYO"],
  ["新日", "SHINNICHI"],
  ["関西", "KANSAI"],
  ["九州", "KYUSHU"],
  ["山田", "YAMADA"],
  ["高橋", "TAKAHASHI"],
  ["青葉", "AOBA"],
  ["朝日", "ASAHI"],
  ["光", "HIKARI"],
  ["桜", "SAKURA"],
  ["太陽", "TAIYO"],
  ["未来", "MIRAI"],
];
const CORES: readonly [string, string][] = [
  ["精工", "SEIKO"],
  ["電機", "ELECTRIC"],
  ["化学", "CHEMICAL"],
  ["製作所", "MFG."],
  ["商事", "TRADING"],
  ["工業", "INDUSTRIES"],
  ["システム", "SYSTEMS"],
  ["フーズ", "FOODS"],
  ["建設", "CONSTRUCTION"],
  ["不動産", "REAL ESTATE"],
  ["運輸", "TRANSPORT"],
  ["テクノ", "TECHNO"],
];
const SUFFIXES: readonly [string, string][] = [
  ["", "CO.,LTD."],
  ["ホールディングス", "HOLDINGS,INC."],
  ["グループ", "GROUP"],
];

/** Listings every simulated universe has, so tests can rely on them. */
const FIXED: readonly Omit<Listing, "listedFrom" | "delistedFrom" | "renamedFrom" | "newName">[] = [
  {
    code: "7203",
    name: "トヨタ自動車",
    nameEnglish: "TOYOTA MOTOR CORPORATION",
    market: "prime",
    sector33: 3700,
    sector17: 6,
    scale: 1,
    margin: "2",
  },
  {
    code: "3116",
    name: "トヨタ紡織",
    nameEnglish: "TOYOTA BOSHOKU CORPORATION",
    market: "prime",
    sector33: 3700,
    sector17: 6,
    scale: 4,
    margin: "2",
  },
  {
    code: "6201",
    name: "豊田自動織機",
    nameEnglish: "TOYOTA INDUSTRIES CORPORATION",
    market: "prime",
    sector33: 3600,
    sector17: 8,
    scale: 2,
    margin: "2",
  },
  {
    code: "6758",
    name: "ソニーグループ",
    nameEnglish: "SONY GROUP CORPORATION",
    market: "prime",
    sector33: 3650,
    sector17: 9,
    scale: 1,
    margin: "2",
  },
  {
    code: "1301",
    name: "極洋",
    nameEnglish: "KYOKUYO CO.,LTD.",
    market: "prime",
    sector33: 50,
    sector17: 1,
    scale: 7,
    margin: "2",
  },
  {
    code: "1305",
    name: "ｉＦｒｅｅＥＴＦ　ＴＯＰＩＸ（年１回決算型）",
    nameEnglish: "iFreeETF TOPIX (Yearly Dividend Type)",
    market: "etf",
    sector33: null,
    sector17: null,
    scale: null,
    margin: "3",
  },
  {
    code: "130A",
    name: "Ｖｅｒｉｔａｓ　Ｉｎ　Ｓｉｌｉｃｏ",
    nameEnglish: "Veritas In Silico Inc.",
    market: "growth",
    sector33: 3250,
    sector17: 5,
    scale: null,
    margin: "1",
  },
  {
    code: "25935",
    name: "伊藤園第１種優先株式",
    nameEnglish: "ITO EN,LTD. Preferred Shares",
    market: "prime",
    sector33: 3050,
    sector17: 1,
    scale: null,
    margin: "3",
  },
];

const MARKET_WEIGHTS: readonly [MarketKey, number][] = [
  ["prime", 1680],
  ["standard", 1600],
  ["growth", 600],
  ["pro", 80],
  ["etf", 330],
  ["reit", 60],
];
const BASE_SIZE = MARKET_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
/** Listings that appear or disappear during the first simulated days. */
const CHURN = 40;
const CHURN_DAYS = 20;

function scaleFor(market: MarketKey, random: () => number): number | null {
  if (market !== "prime" && market !== "standard") return null;
  if (market === "standard") return 7;
  const draw = random();
  return draw < 0.02 ? 1 : draw < 0.06 ? 2 : draw < 0.3 ? 4 : draw < 0.6 ? 6 : 7;
}

/**
 * Every listing the simulated market ever has, deterministic for a seed: about 4,400 on day 0 with
 * 4-digit, alphanumeric and 5-digit codes, and a few that list, delist or change names on later days.
 */
export function createUniverse(seed: number): Listing[] {
  const random = seededRandom(hash("universe", seed));
  const taken = new Set(FIXED.map((listing) => listing.code));
  const listings: Listing[] = FIXED.map((listing) => ({
    ...listing,
    listedFrom: 0,
    delistedFrom: Infinity,
    renamedFrom: Infinity,
    newName: listing.name,
  }));
  const markets = MARKET_WEIGHTS.flatMap(([market, weight]) => Array.from({ length: weight }, () => market));
  let numeric = 1300;
  for (let index = 0; index < BASE_SIZE + CHURN; index++) {
    const market = markets[index % markets.length]!;
    let code: string;
    if (index % 80 === 79) {
      code = `${131 + Math.floor(index / 80)}A`;
    } else {
      do numeric += 1 + Math.floor(random() * 2);
      while (taken.has(String(numeric)));
      code = String(numeric);
    }
    taken.add(code);
    const fund = market === "etf" || market === "reit";
    const sector = fund ? undefined : pick(random, SECTORS_33);
    const [prefixJa, prefixEn] = pick(random, PREFIXES);
    const [coreJa, coreEn] = fund
      ? market === "etf"
        ? ["ＥＴＦ", "ETF"]
        : ["リート投資法人", "REIT"]
      : pick(random, CORES);
    const [suffixJa, suffixEn] = fund ? ["", ""] : pick(random, SUFFIXES);
    const name = `${prefixJa}${coreJa}${suffixJa}${code.slice(-2)}`;
    const churn = index >= BASE_SIZE;
    listings.push({
      code,
      name,
      nameEnglish: `${prefixEn} ${coreEn} ${suffixEn} ${code.slice(-2)}`.replace(/\s+/g, " ").trim(),
      market,
      sector33: sector?.code ?? null,
      sector17: sector?.sector17 ?? null,
      scale: scaleFor(market, random),
      margin: fund ? "3" : random() < 0.6 ? "2" : "1",
      listedFrom: churn ? 1 + Math.floor(random() * CHURN_DAYS) : 0,
      delistedFrom: !churn && random() < CHURN / BASE_SIZE ? 1 + Math.floor(random() * CHURN_DAYS) : Infinity,
      renamedFrom: !churn && random() < CHURN / BASE_SIZE ? 1 + Math.floor(random() * CHURN_DAYS) : Infinity,
      newName: `${prefixJa}${coreJa}ホールディングス${code.slice(-2)}`,
    });
  }
  return listings.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The listings that exist on simulated `day`, with the names they have that day. */
export function listingsOn(universe: readonly Listing[], day: number): Listing[] {
  return universe
    .filter((listing) => listing.listedFrom <= day && day < listing.delistedFrom)
    .map((listing) => (day >= listing.renamedFrom ? { ...listing, name: listing.newName } : listing));
}
