import * as XLSX from "xlsx";

import { PermanentError, quoteInput, type CompanyListing, type CompanyListingSnapshot } from "@kabuto/core";

import { marketOfJpxCategory } from "../listing/markets";
import { isoDate, jpxCode, paddedCode, plainCode, textOrNull } from "../listing/normalise";

/** The columns of JPX's data_j.xls, in order. */
export const JPX_HEADERS = [
  "日付",
  "コード",
  "銘柄名",
  "市場・商品区分",
  "33業種コード",
  "33業種区分",
  "17業種コード",
  "17業種区分",
  "規模コード",
  "規模区分",
] as const;

/** Larger than any real data_j.xls (about 600 KB) by far; anything bigger is not one. */
export const JPX_MAX_BYTES = 20 * 1024 * 1024;

/** JPX's file has one sheet; a workbook with many is not it, and each sheet costs parsing. */
export const JPX_MAX_SHEETS = 4;

/** Listings per file at most: the real file has about 4,400, so this leaves room for growth. */
export const JPX_MAX_ROWS = 20_000;

/** Legacy .xls files are OLE2 compound documents. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Parses JPX's listed-company file (legacy BIFF8 .xls) into the normal form. Refuses anything that
 * is not such a file (HTML error pages, truncated or corrupted files, other headers) or is over
 * the limits (bytes, sheets, rows) with a {@link PermanentError} that says what was wrong and
 * where, quoting the file's content only as a short, sanitised excerpt.
 */
export function parseJpxListing(file: Buffer): CompanyListingSnapshot {
  if (file.length > JPX_MAX_BYTES)
    throw new PermanentError(`JPX file too large: ${file.length} bytes (at most ${JPX_MAX_BYTES})`);
  if (!file.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) {
    const start = quoteInput(file.subarray(0, 64).toString("utf8"));
    throw new PermanentError(`JPX file is not a legacy .xls (it starts with ${start})`);
  }
  const [header, ...body] = readRows(file);
  const headerText = (header ?? []).map((cell) => String(cell ?? "").trim());
  const wrong = JPX_HEADERS.findIndex((name, index) => headerText[index] !== name);
  if (wrong >= 0) {
    throw new PermanentError(
      `JPX file has unexpected headers: column ${wrong + 1} is ${quoteInput(headerText[wrong] ?? "")}, not ${JPX_HEADERS[wrong]}`,
    );
  }
  if (body.length > JPX_MAX_ROWS) throw new PermanentError(`JPX file has more than ${JPX_MAX_ROWS} rows`);
  const listings = body
    .map((row, index) => ({ row, line: index + 2 }))
    .filter(({ row }) => row.some((cell) => textOrNull(cell) !== null))
    .map(({ row, line }) => toListing(row, line));
  if (listings.length === 0) throw new PermanentError("JPX file has no listings");
  const codes = new Set<string>();
  for (const listing of listings) {
    if (codes.has(listing.code)) throw new PermanentError(`JPX file lists code ${listing.code} twice`);
    codes.add(listing.code);
  }
  return { referenceDate: listings[0]!.referenceDate, listings };
}

/** The first sheet's non-blank rows, header included; one more than the row limit at most. */
function readRows(file: Buffer): unknown[][] {
  const workbook = readWorkbook(() => {
    // Only the sheet names first: cheap, and refuses a workbook of many sheets before any is parsed.
    const names = XLSX.read(file, { type: "buffer", bookSheets: true }).SheetNames;
    if (names.length > JPX_MAX_SHEETS)
      throw new PermanentError(`JPX file has ${names.length} sheets (at most ${JPX_MAX_SHEETS})`);
    return XLSX.read(file, {
      type: "buffer",
      dense: true,
      sheets: 0,
      sheetRows: JPX_MAX_ROWS + 2,
      cellDates: false,
      cellHTML: false,
      cellFormula: false,
    });
  });
  const sheet = workbook.SheetNames[0] === undefined ? undefined : workbook.Sheets[workbook.SheetNames[0]];
  if (!sheet) throw new PermanentError("JPX file has no sheet");
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: false });
}

function readWorkbook(read: () => XLSX.WorkBook): XLSX.WorkBook {
  try {
    return read();
  } catch (error) {
    if (error instanceof PermanentError) throw error;
    // SheetJS' messages may quote the bytes it choked on.
    const reason = quoteInput(error instanceof Error ? error.message : String(error), 80);
    throw new PermanentError(`JPX file could not be read: ${reason}`);
  }
}

function toListing(row: unknown[], line: number): CompanyListing {
  try {
    const [date, code, name, category, s33, s33Name, s17, s17Name, scale, scaleName] = row;
    const companyName = textOrNull(name);
    if (companyName === null) throw new Error("no 銘柄名");
    const categoryText = textOrNull(category);
    const market = categoryText === null ? undefined : marketOfJpxCategory(categoryText);
    return {
      code: jpxCode(code),
      companyName,
      companyNameEnglish: null,
      marketCode: market?.code ?? null,
      marketName: market?.name ?? categoryText,
      sector17Code: plainCode(s17),
      sector17Name: textOrNull(s17Name),
      sector33Code: paddedCode(s33, 4),
      sector33Name: textOrNull(s33Name),
      scaleCode: plainCode(scale),
      scaleCategory: textOrNull(scaleName),
      marginCode: null,
      referenceDate: isoDate(date),
    };
  } catch (error) {
    throw new PermanentError(`JPX file row ${line}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
