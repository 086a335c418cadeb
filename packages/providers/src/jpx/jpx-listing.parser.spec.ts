import { readFileSync } from "node:fs";

import { PermanentError } from "@kabuto/core";
import { describeWithSharedFixtures, sharedFixture } from "@kabuto/testkit";

import { parseJpxListing } from "./jpx-listing.parser";

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
