import type { Pool } from "pg";

import type { Company } from "../generated/prisma/client";
import type { Page } from "../page";

/** Which companies a listing holds; every field given narrows it. */
export interface CompanyFilter {
  marketCode?: string | undefined;
  marketName?: string | undefined;
  sector17Code?: string | undefined;
  sector33Code?: string | undefined;
  isActive?: boolean | undefined;
}

const FILTER_COLUMNS = {
  marketCode: "market_code",
  marketName: "market_name",
  sector17Code: "sector17_code",
  sector33Code: "sector33_code",
  isActive: "is_active",
} as const satisfies Record<keyof CompanyFilter, string>;

/** Every column of a Company under its Prisma field name; a date as its UTC midnight, as Prisma reads it. */
const COMPANY_COLUMNS = `id, code, company_name AS "companyName", company_name_english AS "companyNameEnglish",
  market_code AS "marketCode", market_name AS "marketName", sector17_code AS "sector17Code",
  sector17_name AS "sector17Name", sector33_code AS "sector33Code", sector33_name AS "sector33Name",
  scale_code AS "scaleCode", scale_category AS "scaleCategory", margin_code AS "marginCode",
  is_active AS "isActive", reference_date::timestamp AT TIME ZONE 'UTC' AS "referenceDate", source,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

type CompanyPageRow = Company & { total: number };

/**
 * A page of companies by code and how many match in all, in one round trip through the pool:
 * the count's row is joined to the page, so an empty page still brings it (with a null company).
 */
export async function readCompanyPage(
  pool: Pool,
  filter: CompanyFilter,
  page: Page,
): Promise<{ companies: Company[]; total: number }> {
  const values: unknown[] = [page.limit, page.offset];
  const conditions = (Object.keys(FILTER_COLUMNS) as (keyof CompanyFilter)[])
    .filter((field) => filter[field] !== undefined && filter[field] !== "")
    .map((field) => `${FILTER_COLUMNS[field]} = $${values.push(filter[field])}`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const { rows } = await pool.query<CompanyPageRow>(
    `SELECT matching.total, page.* FROM (SELECT count(*)::int AS total FROM companies ${where}) AS matching
     LEFT JOIN (SELECT ${COMPANY_COLUMNS} FROM companies ${where} ORDER BY code LIMIT $1 OFFSET $2) AS page ON true
     ORDER BY page.code`,
    values,
  );
  return {
    companies: rows.filter((row) => row.code !== null).map(({ total: _total, ...company }) => company),
    total: rows[0]?.total ?? 0,
  };
}
