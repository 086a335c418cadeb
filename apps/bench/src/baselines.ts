import { QueueEvents, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { createLogger, logRedisConnection } from "@kabuto/core";
import { openQueue } from "@kabuto/queue";

/** Raw PostgreSQL COPY of the rows Kabuto stored, into a scratch copy of price_bars: rows per second. */
export async function copyBaseline(pool: Pool): Promise<{ rows: number; seconds: number }> {
  const client = await pool.connect();
  try {
    await client.query("DROP TABLE IF EXISTS bench_copy");
    await client.query("CREATE TABLE bench_copy (LIKE price_bars INCLUDING ALL)");
    const { rows } = await client.query<{ line: string }>(
      `SELECT concat_ws(E'\\t', source, symbol, interval, ts, coalesce(open::text, '\\N'), coalesce(high::text, '\\N'),
         coalesce(low::text, '\\N'), coalesce(close::text, '\\N'), coalesce(volume::text, '\\N'),
         coalesce(turnover::text, '\\N')) AS line FROM price_bars`,
    );
    const text = `${rows.map((row) => row.line).join("\n")}\n`;
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(
        copyFrom("COPY bench_copy (source, symbol, interval, ts, open, high, low, close, volume, turnover) FROM STDIN"),
      );
      stream.on("finish", resolve).on("error", reject);
      stream.end(text);
    });
    const seconds = (performance.now() - started) / 1000;
    await client.query("DROP TABLE bench_copy");
    return { rows: rows.length, seconds };
  } finally {
    client.release();
  }
}

/** Raw BullMQ: the same number of no-op jobs through one worker at the same concurrency: jobs per second. */
export async function bullmqBaseline(
  connection: Redis,
  prefix: string,
  jobs: number,
  concurrency: number,
): Promise<{ jobs: number; seconds: number }> {
  const name = "bench-noop";
  const logger = createLogger({ service: "bench", level: "warn", format: "pretty" });
  const queue = openQueue(name, { connection, prefix, logger });
  const eventsConnection = connection.duplicate();
  logRedisConnection(eventsConnection, logger, "redis (baseline events)");
  const events = new QueueEvents(name, { connection: eventsConnection, prefix });
  events.on("error", (error) => logger.warn("queue events error", { error: error.message }));
  await events.waitUntilReady();
  let done = 0;
  const finished = new Promise<void>((resolve) =>
    events.on("completed", () => {
      if (++done === jobs) resolve();
    }),
  );
  const started = performance.now();
  for (let start = 0; start < jobs; start += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - start) }, (_, index) => ({
        name: "noop",
        data: { index: start + index },
      })),
    );
  }
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency });
  worker.on("error", (error) => logger.warn("worker error", { error: error.message }));
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await events.close();
  await eventsConnection.quit();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobs, seconds };
}
