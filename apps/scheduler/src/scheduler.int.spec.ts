import { Queue } from "bullmq";

import { QUEUE, SCHEDULED_SYNC_BACKOFF } from "@kabuto/core";
import {
  createTestDatabase,
  createTestRedis,
  spawnApp,
  testServers,
  tokyoTimeOfDay,
  type SpawnedApp,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

const MINUTE_MS = 60_000;
/** Enough for both processes to start and load the schedule before the minute they wait for. */
const START_MARGIN_MS = 6_000;

describe("two scheduler processes", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queue: Queue;
  const apps: SpawnedApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    queue = new Queue(QUEUE.MASTER_SYNC, { connection: redis.connection, prefix: redis.prefix });
  });

  afterAll(async () => {
    await Promise.all(
      apps.map(async (app) => {
        if (app.process.exitCode === null) app.process.kill("SIGTERM");
        await app.exited();
      }),
    );
    await queue.close();
    await redis.cleanup();
    await db.drop();
  });

  it("request a scheduled master sync exactly once at the scheduled minute", async () => {
    const fireAt = new Date(Math.ceil((Date.now() + START_MARGIN_MS) / MINUTE_MS) * MINUTE_MS);
    await db.prisma.syncSchedule.update({
      where: { jobName: "master_sync" },
      data: { cronTime: tokyoTimeOfDay(fireAt) },
    });
    const env = { DATABASE_URL: db.url, REDIS_URL: testServers().redisUrl, QUEUE_PREFIX: redis.prefix };
    apps.push(spawnApp("scheduler", env), spawnApp("scheduler", env));
    await Promise.all(apps.map((app) => app.waitFor(/scheduler started/)));
    expect(Date.now()).toBeLessThan(fireAt.getTime());

    const outcome = /"message":"scheduled run (requested|taken by another scheduler)"/;
    const lines = await Promise.all(apps.map((app) => app.waitFor(outcome, fireAt.getTime() - Date.now() + 15_000)));
    // one claimed the occurrence; the other lost the Redis lock, not merely the run already queued
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message).sort()).toEqual([
      "scheduled run requested",
      "scheduled run taken by another scheduler",
    ]);

    const runs = await db.prisma.masterSyncRun.findMany();
    expect(runs).toEqual([expect.objectContaining({ trigger: "scheduled", source: "jpx", status: "queued" })]);
    const jobs = await queue.getJobs();
    expect(jobs.map((job) => job.data)).toEqual([{ runId: runs[0]!.id, trigger: "scheduled", source: "jpx" }]);
    // unwatched, so retried: three more attempts within the hour
    expect(jobs[0]!.opts).toMatchObject({ attempts: 4, backoff: { type: SCHEDULED_SYNC_BACKOFF } });

    const schedule = await db.prisma.syncSchedule.findUniqueOrThrow({ where: { jobName: "master_sync" } });
    expect(schedule.lastStatus).toBe("queued");
    expect(schedule.lastRunAt!.getTime()).toBeGreaterThanOrEqual(fireAt.getTime());
  }, 100_000);
});
