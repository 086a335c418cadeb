import { createTestDatabase, type TestDatabase } from "@kabuto/testkit";

describe("database client (real PostgreSQL)", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("writes and reads a company through Prisma", async () => {
    await db.prisma.company.create({
      data: {
        code: "130A",
        companyName: "Ｖｅｒｉｔａｓ　Ｉｎ　Ｓｉｌｉｃｏ",
        marketName: "グロース（内国株式）",
        sector33Code: null,
        referenceDate: new Date("2025-09-30"),
        source: "jpx",
      },
    });
    const company = await db.prisma.company.findUniqueOrThrow({ where: { code: "130A" } });
    expect(company).toMatchObject({
      code: "130A",
      companyName: "Ｖｅｒｉｔａｓ　Ｉｎ　Ｓｉｌｉｃｏ",
      isActive: true,
      source: "jpx",
    });
    expect(company.referenceDate?.toISOString()).toBe("2025-09-30T00:00:00.000Z");
  });

  it("enforces the natural key of price bars", async () => {
    const bar = {
      symbol: "7203.T",
      interval: "1d",
      ts: new Date("2026-11-24T00:00:00Z"),
      close: 3012.5,
      source: "yahoo" as const,
    };
    await db.prisma.priceBar.create({ data: bar });
    await expect(db.prisma.priceBar.create({ data: bar })).rejects.toThrow(/Unique constraint/);
  });

  it("serves raw SQL through the same pool", async () => {
    const { rows } = await db.pool.query<{ extname: string }>(
      "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'",
    );
    expect(rows).toEqual([{ extname: "pg_trgm" }]);
  });
});
