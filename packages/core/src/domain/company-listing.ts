/**
 * One listed company in Kabuto's normal form, whatever the source: codes as JPX writes them
 * ("1301", "130A", "25935"), sector33 codes of 4 digits ("0050"), sector17 "1"…"17", scale "1"…"7",
 * names trimmed, JPX's "-" as null.
 */
export interface CompanyListing {
  code: string;
  companyName: string;
  companyNameEnglish: string | null;
  marketCode: string | null;
  marketName: string | null;
  sector17Code: string | null;
  sector17Name: string | null;
  sector33Code: string | null;
  sector33Name: string | null;
  scaleCode: string | null;
  scaleCategory: string | null;
  marginCode: string | null;
  /** The date the source says the list is as of, YYYY-MM-DD. */
  referenceDate: string;
}

/** A whole listing file or answer, as of one date. */
export interface CompanyListingSnapshot {
  referenceDate: string;
  listings: CompanyListing[];
}
