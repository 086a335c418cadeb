import type { Pool, PoolClient } from "pg";

import type { CompanyListing, MasterSource } from "@kabuto/core";

import { SuspiciousListingError } from "./suspicious-listing.error";

/** What a master sync changed. */
export interface ListingChanges {
  total: number;
  added: number;
  updated: number;
  removed: number;
}

export interface MarketRow {
  code: string;
  name: string;
  nameEnglish: string | null;
}

const COLUMNS = [
  ["code", "code"],
  ["company_name", "companyName"],
  ["company_name_english", "companyNameEnglish"],
  ["market_code", "marketCode"],
  ["market_name", "marketName"],
  ["sector17_code", "sector17Code"],
  ["sector17_name", "sector17Name"],
  ["sector33_code", "sector33Code"],
  ["sector33_name", "sector33Name"],
  ["scale_code", "scaleCode"],
  ["scale_category", "scaleCategory"],
  ["margin_code", "marginCode"],
  ["reference_date", "referenceDate"],
] as const satisfies readonly (readonly [string, keyof CompanyListing])[];

/**
 * The most of the active companies one listing may deactivate unless forced: delistings come a few a
 * day, so a file without a tenth of the market is a broken download or a parser fault.
 */
export const MAX_DEACTIVATED_SHARE = 0.1;

/** Only JPX lacks these: a JPX sync keeps what J-Quants said. */
const KEPT_WHEN_NULL = new Set(["company_name_english", "margin_code"]);
/** Not a change of the listing: every sync has a new date. */
const NOT_COMPARED = new Set(["code", "reference_date"]);

const incomingSql = `SELECT * FROM unnest(${COLUMNS.map(([column], index) => `$${index + 1}::${column === "reference_date" ? "date" : "text"}[]`).join(", ")}) AS incoming(${COLUMNS.map(([column]) => column).join(", ")})`;

const value = (column: string, table: string) =>
  KEPT_WHEN_NULL.has(column) ? `COALESCE(incoming.${column}, ${table}.${column})` : `incoming.${column}`;
const compared = COLUMNS.map(([column]) => column).filter((column) => !NOT_COMPARED.has(column));

const countChangesSql = `
  WITH incoming AS (${incomingSql})
  SELECT count(*) FILTER (WHERE companies.code IS NULL)::int AS added,
         count(*) FILTER (WHERE companies.code IS NOT NULL AND (NOT companies.is_active OR
           (${compared.map((column) => `companies.${column}`).join(", ")}) IS DISTINCT FROM
           (${compared.map((column) => value(column, "companies")).join(", ")})))::int AS updated
  FROM incoming LEFT JOIN companies USING (code)`;

const upsertSql = `
  INSERT INTO companies (${COLUMNS.map(([column]) => column).join(", ")}, source, is_active, updated_at)
  SELECT incoming.*, $${COLUMNS.length + 1}::master_source, true, now() FROM (${incomingSql}) AS incoming
  ON CONFLICT (code) DO UPDATE SET
    ${COLUMNS.filter(([column]) => column !== "code")
      .map(([column]) => `${column} = ${value(column, "companies").replace(/incoming\./g, "EXCLUDED.")}`)
      .join(",\n    ")},
    source = EXCLUDED.source, is_active = true, updated_at = now()`;

/**
 * Applies a whole listing snapshot in one transaction: masters first, then one bulk upsert of every
 * company, then deactivation of the codes that disappeared. Raw SQL because Prisma has no bulk
 * upsert, and row-by-row upserts of 4,400 companies take seconds. A snapshot that would deactivate
 * more than {@link MAX_DEACTIVATED_SHARE} of the active companies changes nothing and throws
 * {@link SuspiciousListingError}, unless `force`.
 */
export async function applyListingSnapshot(
  pool: Pool,
  snapshot: { listings: readonly CompanyListing[]; markets: readonly MarketRow[] },
  source: MasterSource,
  options: { force?: boolean | undefined } = {},
): Promise<ListingChanges> {
  const codes = snapshot.listings.map((listing) => listing.code);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (!options.force) {
      const { rows } = await client.query<{ active: number; leaving: number }>(
        `SELECT count(*)::int AS active, count(*) FILTER (WHERE NOT (code = ANY($1::text[])))::int AS leaving
         FROM companies WHERE is_active`,
        [codes],
      );
      const { active, leaving } = rows[0]!;
      if (leaving > active * MAX_DEACTIVATED_SHARE) throw new SuspiciousListingError(leaving, active);
    }
    await upsertMasters(client, snapshot);
    const columns = COLUMNS.map(([, field]) => snapshot.listings.map((listing) => listing[field]));
    const counts = await client.query<{ added: number; updated: number }>(countChangesSql, columns);
    await client.query(upsertSql, [...columns, source]);
    const removed = await client.query(
      "UPDATE companies SET is_active = false, updated_at = now() WHERE is_active AND NOT (code = ANY($1::text[]))",
      [codes],
    );
    await client.query("COMMIT");
    const { added, updated } = counts.rows[0]!;
    return { total: snapshot.listings.length, added, updated, removed: removed.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

async function upsertMasters(
  client: PoolClient,
  snapshot: { listings: readonly CompanyListing[]; markets: readonly MarketRow[] },
) {
  const markets = new Map(snapshot.markets.map((market) => [market.code, market]));
  const sector17 = new Map<string, string>();
  const sector33 = new Map<string, { name: string; sector17Code: string | null }>();
  for (const listing of snapshot.listings) {
    if (listing.marketCode && !markets.has(listing.marketCode)) {
      markets.set(listing.marketCode, {
        code: listing.marketCode,
        name: listing.marketName ?? listing.marketCode,
        nameEnglish: null,
      });
    }
    if (listing.sector17Code && listing.sector17Name) sector17.set(listing.sector17Code, listing.sector17Name);
    if (listing.sector33Code && listing.sector33Name && !sector33.has(listing.sector33Code)) {
      sector33.set(listing.sector33Code, { name: listing.sector33Name, sector17Code: listing.sector17Code });
    }
  }
  await client.query(
    `INSERT INTO markets (code, name, name_english) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_english = COALESCE(EXCLUDED.name_english, markets.name_english)`,
    [
      [...markets.keys()],
      [...markets.values()].map((market) => market.name),
      [...markets.values()].map((market) => market.nameEnglish),
    ],
  );
  await client.query(
    `INSERT INTO sector17 (code, name) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [[...sector17.keys()], [...sector17.values()]],
  );
  await client.query(
    `INSERT INTO sector33 (code, name, sector17_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sector17_code = EXCLUDED.sector17_code`,
    [
      [...sector33.keys()],
      [...sector33.values()].map((sector) => sector.name),
      [...sector33.values()].map((sector) => sector.sector17Code),
    ],
  );
}
