import type { PrismaClient } from "../generated/prisma/client";

/** Yahoo symbols ("7203.T") of every active listing, of one market when `marketName` is given, sorted. */
export async function listedSymbols(prisma: PrismaClient, filter: { marketName?: string } = {}): Promise<string[]> {
  const companies = await prisma.company.findMany({
    where: { isActive: true, ...(filter.marketName ? { marketName: filter.marketName } : {}) },
    select: { code: true },
    orderBy: { code: "asc" },
  });
  return companies.map((company) => `${company.code}.T`);
}
