import type { Company, Database } from "@kabuto/db";

/**
 * Ranks active companies for a free-text query: the exact code first, then names that start with
 * the query (larger companies, by TOPIX scale, first), then the rest by trigram similarity of the
 * Japanese or English name (pg_trgm).
 */
export async function searchCompanies(
  db: Database,
  query: string,
  limit: number,
): Promise<{ companies: Company[]; total: number }> {
  const matches = `
    FROM companies
    WHERE is_active AND (
      code = upper($1)
      OR company_name ILIKE '%' || $1 || '%' OR company_name_english ILIKE '%' || $1 || '%'
      OR company_name % $1 OR company_name_english % $1)`;
  const [ranked, counted] = await Promise.all([
    db.pool.query<{ code: string }>(
      `SELECT code ${matches}
       ORDER BY code = upper($1) DESC,
                (company_name ILIKE $1 || '%' OR company_name_english ILIKE $1 || '%') DESC,
                scale_code NULLS LAST,
                greatest(similarity(company_name, $1), similarity(coalesce(company_name_english, ''), $1)) DESC,
                code
       LIMIT $2`,
      [query, limit],
    ),
    db.pool.query<{ total: number }>(`SELECT count(*)::int AS total ${matches}`, [query]),
  ]);
  const codes = ranked.rows.map((row) => row.code);
  const companies = await db.prisma.company.findMany({ where: { code: { in: codes } } });
  const byCode = new Map(companies.map((company) => [company.code, company]));
  return { companies: codes.map((code) => byCode.get(code)!), total: counted.rows[0]?.total ?? 0 };
}
