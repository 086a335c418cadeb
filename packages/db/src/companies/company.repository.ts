import type { Pool } from "pg";

import type { Company, Market, PrismaClient, Sector17, Sector33 } from "../generated/prisma/client";
import type { Page } from "../page";
import { readCompanyPage, type CompanyFilter } from "./company-list.query";

export type { CompanyFilter } from "./company-list.query";

function whereOf(filter: CompanyFilter) {
  return {
    ...(filter.marketCode ? { marketCode: filter.marketCode } : {}),
    ...(filter.marketName ? { marketName: filter.marketName } : {}),
    ...(filter.sector17Code ? { sector17Code: filter.sector17Code } : {}),
    ...(filter.sector33Code ? { sector33Code: filter.sector33Code } : {}),
    ...(filter.isActive === undefined ? {} : { isActive: filter.isActive }),
  };
}

/** `$1` the query as typed, `$2` the same as a LIKE literal (see likeLiteral). */
const SEARCH_MATCHES = `
  FROM companies
  WHERE is_active AND (
    code = upper($1)
    OR company_name ILIKE '%' || $2 || '%' OR company_name_english ILIKE '%' || $2 || '%'
    OR company_name % $1 OR company_name_english % $1)`;

/** `%` and `_` in what a person typed are characters to find, not LIKE wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Reads of the listed-company master: companies, markets and sectors. */
export function companyRepository(db: { prisma: PrismaClient; pool: Pool }) {
  const { prisma, pool } = db;
  return {
    /** Companies by code, and how many match the filter in all. */
    list: (filter: CompanyFilter, page: Page): Promise<{ companies: Company[]; total: number }> =>
      readCompanyPage(pool, filter, page),

    count(filter: CompanyFilter): Promise<number> {
      return prisma.company.count({ where: whereOf(filter) });
    },

    find(code: string): Promise<Company | null> {
      return prisma.company.findUnique({ where: { code } });
    },

    /**
     * Ranks active companies for a free-text query: the exact code first, then names that start
     * with the query (larger companies, by TOPIX scale, first), then the rest by trigram similarity
     * of the Japanese or English name (pg_trgm).
     */
    async search(query: string, limit: number): Promise<{ companies: Company[]; total: number }> {
      const [ranked, counted] = await Promise.all([
        pool.query<{ code: string }>(
          `SELECT code ${SEARCH_MATCHES}
           ORDER BY code = upper($1) DESC,
                    (company_name ILIKE $2 || '%' OR company_name_english ILIKE $2 || '%') DESC,
                    scale_code NULLS LAST,
                    greatest(similarity(company_name, $1), similarity(coalesce(company_name_english, ''), $1)) DESC,
                    code
           LIMIT $3`,
          [query, likeLiteral(query), limit],
        ),
        pool.query<{ total: number }>(`SELECT count(*)::int AS total ${SEARCH_MATCHES}`, [query, likeLiteral(query)]),
      ]);
      const codes = ranked.rows.map((row) => row.code);
      const companies = await prisma.company.findMany({ where: { code: { in: codes } } });
      const byCode = new Map(companies.map((company) => [company.code, company]));
      return { companies: codes.map((code) => byCode.get(code)!), total: counted.rows[0]?.total ?? 0 };
    },

    markets(): Promise<Market[]> {
      return prisma.market.findMany({ orderBy: { code: "asc" } });
    },

    /** The 17 sectors in numeric code order ("1" … "17"). */
    async sectors17(): Promise<Sector17[]> {
      return (await prisma.sector17.findMany()).sort((a, b) => Number(a.code) - Number(b.code));
    },

    sectors33(): Promise<Sector33[]> {
      return prisma.sector33.findMany({ orderBy: { code: "asc" } });
    },
  };
}

/** Reads of the listed-company master. */
export type CompanyRepository = ReturnType<typeof companyRepository>;
