import { z } from "zod";

import { INVESTOR_CATEGORIES, type InvestorCategory, type InvestorTrading } from "@kabuto/contract";
import type { InvestorTypeRow } from "@kabuto/core";

/** J-Quants' column prefix of each investor category (`FrgnSell`, `FrgnBuy`, `FrgnTot`, `FrgnBal`). */
const PREFIX: Record<InvestorCategory, string> = {
  proprietary: "Prop",
  brokerage: "Brk",
  total: "Tot",
  individuals: "Ind",
  foreigners: "Frgn",
  securities_companies: "SecCo",
  investment_trusts: "InvTr",
  business_companies: "BusCo",
  other_companies: "OthCo",
  insurance_companies: "InsCo",
  banks: "Bank",
  trust_banks: "TrstBnk",
  other_financials: "OthFin",
};

/** J-Quants' column suffix of each side of a category. */
const SIDES = { sell: "Sell", buy: "Buy", total: "Tot", balance: "Bal" } as const satisfies Record<
  keyof InvestorTrading,
  string
>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const amount = z.number().nullish();
type AmountColumn = `${string}${(typeof SIDES)[keyof typeof SIDES]}`;
const amountShape: Record<AmountColumn, typeof amount> = Object.fromEntries(
  INVESTOR_CATEGORIES.flatMap((category) => Object.values(SIDES).map((side) => [`${PREFIX[category]}${side}`, amount])),
);

/** One row of J-Quants v2 `/equities/investor-types`: dates, section and 52 amounts. */
export type JQuantsInvestorTypesRow = { PubDate: string; StDate: string; EnDate: string; Section: string } & Partial<
  Record<AmountColumn, number | null>
>;

// zod's inference drops template-literal keys, so the row's type is stated above.
export const jquantsInvestorTypesRowSchema: z.ZodType<JQuantsInvestorTypesRow> = z.object({
  PubDate: isoDate,
  StDate: isoDate,
  EnDate: isoDate,
  Section: z.string().min(1).max(32),
  ...amountShape,
});

/** A J-Quants row as Kabuto stores it: each category's sides under Kabuto's names. */
export function investorTypeFromJQuants(row: JQuantsInvestorTypesRow): InvestorTypeRow {
  const value = (column: AmountColumn) => row[column] ?? null;
  const trading = Object.fromEntries(
    INVESTOR_CATEGORIES.map((category) => [
      category,
      Object.fromEntries(Object.entries(SIDES).map(([side, suffix]) => [side, value(`${PREFIX[category]}${suffix}`)])),
    ]),
  ) as InvestorTypeRow["trading"];
  return { section: row.Section, publishedDate: row.PubDate, startDate: row.StDate, endDate: row.EnDate, trading };
}
