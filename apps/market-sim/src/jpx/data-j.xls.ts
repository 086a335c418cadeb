import * as XLSX from "xlsx";

import { JPX_HEADERS } from "@kabuto/providers";

import type { Listing } from "../universe/listing";
import { MARKETS, SCALES, SECTORS_17, SECTORS_33 } from "../universe/sectors";

const SECTOR_33_NAMES = new Map(SECTORS_33.map((sector) => [sector.code, sector.name]));

/**
 * JPX's data_j.xls as JPX writes it: a legacy BIFF8 workbook with one sheet; 日付 a float such as
 * 20261120, numeric codes as floats, alphanumeric codes as text, and "-" text where there is none.
 */
export function dataJXls(listings: readonly Listing[], date: string): Buffer {
  const dateNumber = Number(date.replaceAll("-", ""));
  const rows = listings.map((listing) => [
    dateNumber,
    /^\d+$/.test(listing.code) ? Number(listing.code) : listing.code,
    listing.name,
    MARKETS[listing.market].category,
    listing.sector33 ?? "-",
    listing.sector33 === null ? "-" : SECTOR_33_NAMES.get(listing.sector33)!,
    listing.sector17 ?? "-",
    listing.sector17 === null ? "-" : SECTORS_17[listing.sector17]!,
    listing.scale ?? "-",
    listing.scale === null ? "-" : SCALES[listing.scale]!,
  ]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([[...JPX_HEADERS], ...rows]), "Sheet1");
  // Strings in a shared string table, as Excel writes them (and several times faster to produce).
  return XLSX.write(workbook, { bookType: "biff8", type: "buffer", bookSST: true }) as Buffer;
}
