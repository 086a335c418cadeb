import type { CompanyListing } from "@kabuto/core";
import { marketOfCode } from "../listing/markets";
import { codeFromJQuants, isoDate, paddedCode, plainCode, textOrNull } from "../listing/normalise";
import type { JQuantsMasterRow } from "./jquants-master.schema";

/** J-Quants gives the scale category's name only; JPX's 規模コード for each. */
const SCALE_CODES: Record<string, string> = {
  "TOPIX Core30": "1",
  "TOPIX Large70": "2",
  "TOPIX Mid400": "4",
  "TOPIX Small 1": "6",
  "TOPIX Small 2": "7",
};

/** J-Quants writes "99" / "9999" その他 where JPX writes "-". */
const NO_SECTOR = new Set(["99", "9999"]);

function sectorOrNull(code: string | null | undefined) {
  const text = textOrNull(code);
  return text === null || NO_SECTOR.has(text) ? null : text;
}

/** A `/equities/master` row in Kabuto's normal form (the same as JPX's file gives). */
export function listingFromJQuants(row: JQuantsMasterRow): CompanyListing {
  const sector17 = sectorOrNull(row.S17);
  const sector33 = sectorOrNull(row.S33);
  const scaleCategory = textOrNull(row.ScaleCat);
  const marketCode = textOrNull(row.Mkt);
  const market = marketCode === null ? null : marketOfCode(marketCode, textOrNull(row.MktNm) ?? marketCode);
  return {
    code: codeFromJQuants(row.Code),
    companyName: row.CoName.trim(),
    companyNameEnglish: textOrNull(row.CoNameEn),
    marketCode: market?.code ?? null,
    marketName: market?.name ?? null,
    sector17Code: plainCode(sector17),
    sector17Name: sector17 === null ? null : textOrNull(row.S17Nm),
    sector33Code: paddedCode(sector33, 4),
    sector33Name: sector33 === null ? null : textOrNull(row.S33Nm),
    scaleCode: scaleCategory === null ? null : (SCALE_CODES[scaleCategory] ?? null),
    scaleCategory,
    marginCode: textOrNull(row.Mrgn),
    referenceDate: isoDate(row.Date),
  };
}
