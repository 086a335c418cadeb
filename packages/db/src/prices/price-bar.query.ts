import type { PriceBar, PrismaClient } from "../generated/prisma/client";

/** Which stored bars to read: one symbol and interval, optionally between two dates (UTC days). */
export interface PriceBarQuery {
  symbol: string;
  interval: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  /** YYYY-MM-DD, inclusive. */
  to?: string | undefined;
  limit: number;
}

/** Stored bars of one listing, oldest first. */
export function readPriceBars(prisma: PrismaClient, query: PriceBarQuery): Promise<PriceBar[]> {
  return prisma.priceBar.findMany({
    where: {
      symbol: query.symbol,
      interval: query.interval,
      ts: {
        ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
        ...(query.to ? { lte: new Date(`${query.to}T23:59:59.999Z`) } : {}),
      },
    },
    orderBy: { ts: "asc" },
    take: query.limit,
  });
}
