import { z } from "zod";

import { booleanText, count, pageLimit, pageOffset } from "./page.schema";
import { MASTER_SOURCES } from "./status.schema";
import { toYahooSymbol } from "./symbol.schema";
import { plainText } from "./text.schema";

/** `GET /api/v1/companies`' query. */
export const companyListQuerySchema = z.object({
  market_code: plainText(8).optional(),
  sector17_code: plainText(4).optional(),
  sector33_code: plainText(4).optional(),
  active_only: booleanText.prefault("true"),
  limit: pageLimit(1000, 100),
  offset: pageOffset,
});

/** `GET /api/v1/companies/search`' query. */
export const companySearchQuerySchema = z.object({ q: plainText(100).trim().min(1), limit: pageLimit(1000, 50) });

/** `GET /api/v1/companies/sectors`' query. */
export const sectorsQuerySchema = z.object({ type: z.enum(["17", "33"]).default("33") });

/** `:code` of `GET /api/v1/companies/:code`: a TSE code, as the prices take it ("7203", "130A"). */
export const companyCodeParamsSchema = z.object({
  code: z
    .string()
    .regex(/^[0-9A-Za-z]{4,5}$/, "銘柄コードは4〜5桁の英数字です")
    .refine((code) => toYahooSymbol(code) !== undefined, "銘柄コードは4〜5桁の英数字です"),
});

/** A listed company (snake_case, dates as YYYY-MM-DD / ISO 8601). */
export const companySchema = z
  .object({
    code: z.string(),
    company_name: z.string(),
    company_name_english: z.string().nullable(),
    market_code: z.string().nullable(),
    market_name: z.string().nullable(),
    sector17_code: z.string().nullable(),
    sector17_name: z.string().nullable(),
    sector33_code: z.string().nullable(),
    sector33_name: z.string().nullable(),
    scale_code: z.string().nullable(),
    scale_category: z.string().nullable(),
    margin_code: z.string().nullable(),
    is_active: z.boolean(),
    reference_date: z.string().nullable().meta({ description: "YYYY-MM-DD" }),
    source: z.enum(MASTER_SOURCES),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Company" });
/** A listed company. */
export type CompanyBody = z.infer<typeof companySchema>;

/** `GET /api/v1/companies`. */
export const companyListResponseSchema = z.object({
  companies: z.array(companySchema),
  total: count,
  limit: count,
  offset: count,
});

/** `GET /api/v1/companies/search`. */
export const companySearchResponseSchema = z.object({
  companies: z.array(companySchema),
  total: count,
  query: z.string(),
});

/** `GET /api/v1/companies/markets`. */
export const marketsResponseSchema = z.object({
  markets: z.array(z.object({ code: z.string(), name: z.string(), name_english: z.string().nullable() })),
});

/** `GET /api/v1/companies/sectors`: the 17 sectors, or the 33 with the 17-sector each belongs to. */
export const sectorsResponseSchema = z.union([
  z.object({ type: z.literal("17"), sectors: z.array(z.object({ code: z.string(), name: z.string() })) }),
  z.object({
    type: z.literal("33"),
    sectors: z.array(z.object({ code: z.string(), name: z.string(), sector17_code: z.string().nullable() })),
  }),
]);
/** The sectors answer. */
export type SectorsBody = z.infer<typeof sectorsResponseSchema>;
