import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

import type { CompanyListing } from "@kabuto/core";

import { applyListingSnapshot } from "./company-listing.repository";

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
