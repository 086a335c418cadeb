import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import type { CompanyListing } from "@kabuto/core";

import { applyListingSnapshot } from "./company-listing.repository";
import { SuspiciousListingError } from "./suspicious-listing.error";

const listing = (code: string, overrides: Partial<CompanyListing> = {}): CompanyListing => ({
  code,
  companyName: `会社${code}`,
  companyNameEnglish: null,
  marketCode: "0111",
  marketName: "プライム",
  sector17Code: "6",
  sector17Name: "自動車・輸送機",
  sector33Code: "3700",
  sector33Name: "輸送用機器",
  scaleCode: "1",
  scaleCategory: "TOPIX Core30",
  marginCode: null,
  referenceDate: "2025-09-30",
  ...overrides,
});
const markets = [{ code: "0111", name: "プライム", nameEnglish: "Prime" }];

describe("applyListingSnapshot (real PostgreSQL)", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("adds, updates, deactivates and reactivates, counting each", async () => {
    const first = await applyListingSnapshot(
      db.pool,
      { listings: [listing("7203"), listing("130A"), listing("25935")], markets },
      "jpx",
    );
    expect(first).toEqual({ total: 3, added: 3, updated: 0, removed: 0 });

    const same = await applyListingSnapshot(
      db.pool,
      { listings: [listing("7203", { referenceDate: "2025-10-31" }), listing("130A"), listing("25935")], markets },
      "jpx",
    );
    expect(same).toEqual({ total: 3, added: 0, updated: 0, removed: 0 });

    const next = await applyListingSnapshot(
      db.pool,
      { listings: [listing("7203", { companyName: "トヨタ自動車" }), listing("130A"), listing("9999")], markets },
      "jpx",
      // one of three is beyond the 10 % a sync may deactivate unforced
      { force: true },
    );
    expect(next).toEqual({ total: 3, added: 1, updated: 1, removed: 1 });
    const removed = await db.prisma.company.findUniqueOrThrow({ where: { code: "25935" } });
    expect(removed.isActive).toBe(false);

    const back = await applyListingSnapshot(
      db.pool,
      {
        listings: [
          listing("7203", { companyName: "トヨタ自動車" }),
          listing("130A"),
          listing("9999"),
          listing("25935"),
        ],
        markets,
      },
      "jpx",
    );
    expect(back).toEqual({ total: 4, added: 0, updated: 1, removed: 0 });
    expect((await db.prisma.company.findUniqueOrThrow({ where: { code: "25935" } })).isActive).toBe(true);
  });

  it("keeps J-Quants' English name and margin code when a JPX sync has none", async () => {
    await applyListingSnapshot(
      db.pool,
      { listings: [listing("6758", { companyNameEnglish: "Sony Group", marginCode: "2" })], markets },
      "jquants",
      { force: true },
    );
    const jpx = await applyListingSnapshot(db.pool, { listings: [listing("6758")], markets }, "jpx");
    expect(jpx.updated).toBe(0);
    const sony = await db.prisma.company.findUniqueOrThrow({ where: { code: "6758" } });
    expect(sony).toMatchObject({ companyNameEnglish: "Sony Group", marginCode: "2", source: "jpx", isActive: true });
  });

  it("fills the market and sector masters", async () => {
    expect(await db.prisma.market.findUnique({ where: { code: "0111" } })).toMatchObject({
      name: "プライム",
      nameEnglish: "Prime",
    });
    expect(await db.prisma.sector33.findUnique({ where: { code: "3700" } })).toMatchObject({
      name: "輸送用機器",
      sector17Code: "6",
    });
  });
});

describe("applyListingSnapshot's guard against a listing that drops too much (real PostgreSQL)", () => {
  let db: TestDatabase;
  const codes = Array.from({ length: 20 }, (_, index) => String(1000 + index));

  beforeAll(async () => {
    db = await createTestDatabase();
    await applyListingSnapshot(db.pool, { listings: codes.map((code) => listing(code)), markets }, "jpx");
  });

  afterAll(async () => {
    await db.drop();
  });

  it("applies 10 % of the active companies gone, refuses more unless forced, and changes nothing when it refuses", async () => {
    const tenth = await applyListingSnapshot(
      db.pool,
      { listings: codes.slice(2).map((code) => listing(code)), markets },
      "jpx",
    );
    expect(tenth).toMatchObject({ removed: 2 });

    const before = await db.prisma.company.findMany({ orderBy: { code: "asc" } });
    const suspicious = {
      listings: [...codes.slice(4), "2000"].map((code) => listing(code, { marketCode: "0999", marketName: "新市場" })),
      markets,
    };
    const refusal = applyListingSnapshot(db.pool, suspicious, "jpx");
    await expect(refusal).rejects.toThrow(SuspiciousListingError);
    await expect(refusal).rejects.toThrow(
      'would deactivate 2 of 18 active listings (11 %); refused as suspicious — force with {"force": true}',
    );
    expect(await db.prisma.company.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    expect(await db.prisma.market.findUnique({ where: { code: "0999" } })).toBeNull();

    expect(await applyListingSnapshot(db.pool, suspicious, "jpx", { force: true })).toEqual({
      total: 17,
      added: 1,
      updated: 16,
      removed: 2,
    });
    expect(await db.prisma.company.count({ where: { isActive: true } })).toBe(17);
  });
});
