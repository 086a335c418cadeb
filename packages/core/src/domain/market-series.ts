import type { InvestorCategory, InvestorTrading } from "@kabuto/contract";

/** One day of a market index as Kabuto stores it. */
export interface IndexBarRow {
  /** "TOPIX". */
  indexCode: string;
  /** YYYY-MM-DD. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** One section's week of trading by type of investors (thousands of yen), dates YYYY-MM-DD. */
export interface InvestorTypeRow {
  section: string;
  publishedDate: string;
  startDate: string;
  endDate: string;
  trading: Record<InvestorCategory, InvestorTrading>;
}
