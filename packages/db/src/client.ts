import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";

import type { ConnectionLog } from "@kabuto/core";

import { PrismaClient } from "./generated/prisma/client";

export * from "./generated/prisma/client";

/** Prisma for everything, and the same pool for the hot path's raw SQL (price bars). */
export interface Database {
  prisma: PrismaClient;
  pool: Pool;
  /** Closes Prisma, then the pool. */
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL through @prisma/adapter-pg (no Rust query engine). An idle connection that
 * the server drops (a restart, a failover) is an `'error'` on the pool: it goes to `log.lost` instead
 * of crashing the process, the pool opens a new connection for the next query, and that
 * connection is `log.back`.
 */
export function createDatabase(url: string, options: { maxConnections?: number; log?: ConnectionLog } = {}): Database {
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on("error", (error) => options.log?.lost(error));
  pool.on("connect", () => options.log?.back());
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
