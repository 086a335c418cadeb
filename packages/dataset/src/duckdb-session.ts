import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/** How much DuckDB may hold before it spills to its temp directory, and how many threads it runs. */
export interface DuckDbLimits {
  memoryLimit: string;
  threads: number;
}

export const DEFAULT_DUCKDB_LIMITS: DuckDbLimits = { memoryLimit: "512MB", threads: 2 };

/** A path as a DuckDB string literal. */
export function sqlPath(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

/**
 * Runs `work` on an in-memory DuckDB that spills to `tempDirectory`, then closes it. DuckDB only
 * ever reads files Kabuto wrote (never the postgres extension, which it would download at run time).
 */
export async function withDuckDb<T>(
  tempDirectory: string,
  limits: DuckDbLimits,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: limits.memoryLimit,
    threads: String(limits.threads),
    temp_directory: tempDirectory,
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
