import { z } from "zod";

import { dateRangeShape, isCalendarDate, withOrderedRange } from "./date-range.schema";
import { count, pageLimit } from "./page.schema";

/**
 * The investor categories of J-Quants' weekly trading by type of investors, under Kabuto's names:
 * proprietary + brokerage = total; brokerage is the sum of the ten categories after it.
 */
export const INVESTOR_CATEGORIES = [
  "proprietary",
  "brokerage",
  "total",
  "individuals",
  "foreigners",
  "securities_companies",
  "investment_trusts",
  "business_companies",
  "other_companies",
  "insurance_companies",
  "banks",
  "trust_banks",
  "other_financials",
] as const;
/** One investor category. */
export type InvestorCategory = (typeof INVESTOR_CATEGORIES)[number];

/** One category's trading in a week, in thousands of yen; balance = buy − sell. */
export const investorTradingSchema = z.object({
  sell: z.number().nullable(),
  buy: z.number().nullable(),
  total: z.number().nullable(),
  balance: z.number().nullable(),
});
/** One category's week. */
export type InvestorTrading = z.infer<typeof investorTradingSchema>;

/** J-Quants' section names ("TSEPrime", "TokyoNagoya", before 2022 "TSE1st"…). */
const section = z.string().regex(/^[A-Za-z0-9]{1,32}$/, "は TSEPrime のような市場名で指定してください");

const CURSOR_MESSAGE = "は前のページの next をそのまま指定してください";

/** A page's start: the next week's start date, section and end date, as `next` gave it. */
const investorTypesCursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}_[A-Za-z0-9]{1,32}_\d{4}-\d{2}-\d{2}$/, CURSOR_MESSAGE)
  .refine((cursor) => {
    const [start, , end] = cursor.split("_");
    return isCalendarDate(start!) && isCalendarDate(end!);
  }, CURSOR_MESSAGE)
  .meta({ description: "the `next` of the previous page" });

/** `GET /api/v1/investor-types`' query: `from`/`to` select weeks by publication date, as J-Quants does. */
export const investorTypesQuerySchema = withOrderedRange(
  z.object({
    section: section.optional(),
    ...dateRangeShape,
    limit: pageLimit(10_000, 1000),
    cursor: investorTypesCursor.optional(),
  }),
);

/** One section's week. */
export const investorTypeSchema = z.object({
  section: z.string(),
  published_date: z.string().meta({ description: "YYYY-MM-DD; a revision keeps the week and takes its date" }),
  start_date: z.string().meta({ description: "YYYY-MM-DD" }),
  end_date: z.string().meta({ description: "YYYY-MM-DD" }),
  ...Object.fromEntries(INVESTOR_CATEGORIES.map((category) => [category, investorTradingSchema])),
} as Record<"section" | "published_date" | "start_date" | "end_date", z.ZodString> &
  Record<InvestorCategory, typeof investorTradingSchema>);
/** One week as returned. */
export type InvestorTypeBody = z.infer<typeof investorTypeSchema>;

/** `GET /api/v1/investor-types`: stored weeks, oldest first, sections in order within a week. */
export const investorTypesResponseSchema = z.object({
  success: z.literal(true),
  count,
  investor_types: z.array(investorTypeSchema),
  next: z.string().nullable().meta({ description: "pass as `cursor` for the next page; null on the last page" }),
});
