import type { CompanyBody } from "@kabuto/contract";
import type { Company } from "@kabuto/db";

/** A company as the API returns it (snake_case, dates as YYYY-MM-DD / ISO 8601). */
export function serializeCompany(company: Company): CompanyBody {
  return {
    code: company.code,
    company_name: company.companyName,
    company_name_english: company.companyNameEnglish,
    market_code: company.marketCode,
    market_name: company.marketName,
    sector17_code: company.sector17Code,
    sector17_name: company.sector17Name,
    sector33_code: company.sector33Code,
    sector33_name: company.sector33Name,
    scale_code: company.scaleCode,
    scale_category: company.scaleCategory,
    margin_code: company.marginCode,
    is_active: company.isActive,
    reference_date: company.referenceDate?.toISOString().slice(0, 10) ?? null,
    source: company.source,
    created_at: company.createdAt.toISOString(),
    updated_at: company.updatedAt.toISOString(),
  };
}
