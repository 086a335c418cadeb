import { readFileSync } from "node:fs";

import * as XLSX from "xlsx";

import { PermanentError } from "@kabuto/core";
import { describeWithSharedFixtures, sharedFixture } from "@kabuto/testkit";

import { JPX_HEADERS, JPX_MAX_BYTES, JPX_MAX_ROWS, JPX_MAX_SHEETS, parseJpxListing } from "./jpx-listing.parser";

describeWithSharedFixtures("parseJpxListing on JPX's real files", () => {
  const files = [
    { name: "data_j-2023-04.xls", date: "2023-04-28", rows: 4270 },
    { name: "data_j-2025-04.xls", date: "2025-04-30", rows: 4415 },
    { name: "data_j-2025-09.xls", date: "2025-09-30", rows: 4403 },
  ];

  it.each(files)("reads every row of $name", ({ name, date, rows }) => {
    const snapshot = parseJpxListing(readFileSync(sharedFixture(`jpx/${name}`)));
    expect(snapshot.referenceDate).toBe(date);
    expect(snapshot.listings).toHaveLength(rows);
    expect(new Set(snapshot.listings.map((listing) => listing.code)).size).toBe(rows);
  });

  const latest = () => parseJpxListing(readFileSync(sharedFixture("jpx/data_j-2025-09.xls"))).listings;
  const byCode = (code: string) => latest().find((listing) => listing.code === code);

  it("normalises a stock: 4-digit sector33, plain sector17 and scale, trimmed names", () => {
    expect(byCode("1301")).toEqual({
      code: "1301",
      companyName: "極洋",
      companyNameEnglish: null,
      marketCode: "0111",
      marketName: "プライム",
      sector17Code: "1",
      sector17Name: "食品",
      sector33Code: "0050",
      sector33Name: "水産・農林業",
      scaleCode: "7",
      scaleCategory: "TOPIX Small 2",
      marginCode: null,
      referenceDate: "2025-09-30",
    });
  });

  it("keeps alphanumeric and 5-digit codes, and turns '-' into null", () => {
    const codes = latest().map((listing) => listing.code);
    expect(codes).toEqual(expect.arrayContaining(["130A", "25935", "50765"]));
    expect(codes.filter((code) => /[A-Z]/.test(code)).length).toBeGreaterThan(200);
    expect(byCode("1305")).toMatchObject({
      marketCode: "0121",
      marketName: "ETF・ETN",
      sector33Code: null,
      scaleCode: null,
    });
  });

  it("trims the trailing spaces of older files", () => {
    const old = parseJpxListing(readFileSync(sharedFixture("jpx/data_j-2023-04.xls"))).listings;
    expect(old.find((listing) => listing.code === "1301")?.sector17Name).toBe("食品");
  });

  it("refuses a truncated file", () => {
    const file = readFileSync(sharedFixture("jpx/data_j-2025-09.xls"));
    expect(() => parseJpxListing(file.subarray(0, Math.floor(file.length / 2)))).toThrow(PermanentError);
  });
});

describe("parseJpxListing on what is not a JPX file", () => {
  it("names an HTML error page for what it is", () => {
    const html = Buffer.from("<!DOCTYPE html><html><body>503 Service Unavailable</body></html>");
    expect(() => parseJpxListing(html)).toThrow('JPX file is not a legacy .xls (it starts with "<!DOCTYPE html>');
  });

  it("refuses corrupted bytes behind a valid signature", () => {
    const corrupted = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(4096, 7),
    ]);
    expect(() => parseJpxListing(corrupted)).toThrow(PermanentError);
  });
});

describe("parseJpxListing's limits and error text, on generated workbooks", () => {
  const row = (index: number) => [
    20250930,
    1000 + index,
    `銘柄${index}`,
    "プライム（内国株式）",
    50,
    "水産・農林業",
    1,
    "食品",
    7,
    "TOPIX Small 2",
  ];
  /** A legacy .xls (BIFF8, as JPX publishes) with one sheet per entry of `sheets`. */
  const workbook = (...sheets: unknown[][][]) => {
    const book = XLSX.utils.book_new();
    sheets.forEach((rows, index) =>
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), `Sheet${index + 1}`),
    );
    return XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Buffer;
  };
  const refusal = (file: Buffer) => {
    try {
      parseJpxListing(file);
    } catch (error) {
      if (error instanceof PermanentError) return error.message;
      throw error;
    }
    throw new Error("the file was accepted");
  };

  it("reads a generated file within the limits", () => {
    const listings = parseJpxListing(workbook([[...JPX_HEADERS], row(1), row(2)])).listings;
    expect(listings.map((listing) => listing.code)).toEqual(["1001", "1002"]);
  });

  it("refuses more bytes than the cap before parsing anything", () => {
    const huge = Buffer.concat([workbook([[...JPX_HEADERS], row(1)]), Buffer.alloc(JPX_MAX_BYTES)]);
    expect(refusal(huge)).toBe(`JPX file too large: ${huge.length} bytes (at most ${JPX_MAX_BYTES})`);
  });

  it("refuses a workbook of more sheets than the cap", () => {
    const sheets = Array.from({ length: JPX_MAX_SHEETS + 1 }, () => [[...JPX_HEADERS], row(1)]);
    expect(refusal(workbook(...sheets))).toBe(`JPX file has ${JPX_MAX_SHEETS + 1} sheets (at most ${JPX_MAX_SHEETS})`);
    expect(parseJpxListing(workbook(...sheets.slice(1))).listings).toHaveLength(1);
  });

  it("refuses more rows than the cap", () => {
    // One cell a row keeps the generated files quick to write; at the cap, the first row is read (and refused).
    const rows = (count: number) => Array.from({ length: count }, (_, index) => [index]);
    expect(refusal(workbook([[...JPX_HEADERS], ...rows(JPX_MAX_ROWS + 1)]))).toBe(
      `JPX file has more than ${JPX_MAX_ROWS} rows`,
    );
    expect(refusal(workbook([[...JPX_HEADERS], ...rows(JPX_MAX_ROWS)]))).toBe("JPX file row 2: no 銘柄名");
  });

  const hostile = `\u0000\u001b]0;owned\u0007${"A".repeat(200)}`;
  const printableOnly = (message: string) => expect(message).not.toMatch(/[\p{Cc}]/u);

  it("quotes a wrong header only as a short, sanitised excerpt", () => {
    const message = refusal(workbook([[JPX_HEADERS[0], hostile, ...JPX_HEADERS.slice(2)], row(1)]));
    expect(message).toMatch(/^JPX file has unexpected headers: column 2 is "]0;ownedA+…", not コード$/);
    expect(message).not.toContain("A".repeat(40));
    printableOnly(message);
  });

  it("quotes a bad cell only as a short, sanitised excerpt", () => {
    const bad = row(1);
    bad[1] = hostile;
    const message = refusal(workbook([[...JPX_HEADERS], bad]));
    expect(message).toMatch(/^JPX file row 2: not a listing code: "]0;ownedA+…"$/);
    expect(message).not.toContain("A".repeat(40));
    printableOnly(message);
  });

  it("quotes the start of what is not an .xls only as a short, sanitised excerpt", () => {
    const message = refusal(Buffer.from(`\u0000\u001b[2J${"<html>".repeat(20)}`));
    expect(message).toMatch(/^JPX file is not a legacy \.xls \(it starts with "\[2J(<html>)+<html…"\)$/);
    printableOnly(message);
  });
});
