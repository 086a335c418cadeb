import { Redis } from "ioredis";

import { publishScheduleChanged, type Provider } from "@kabuto/core";
import {
  createTestDatabase,
  createTestRedis,
  spawnApp,
  testLogger,
  testServers,
  tokyoTimeOfDay,
  waitUntil,
  type TestDatabase,
  type TestRedis,
} from "@kabuto/testkit";

import type { Occurrence } from "./actions";
import { createScheduler, type Scheduler } from "./schedule-runner";

const skip = async () => ({ requested: false as const, reason: "test" });

describe("schedule changes", () => {
  let db: TestDatabase;
  let redis: TestRedis;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
  });

  afterAll(async () => {
    await redis.cleanup();
    await db.drop();
  });

  function setSchedule(
    data: { cronTime?: string; enabled?: boolean; timezone?: string; provider?: Provider | null },
    jobName = "master_sync",
  ) {
    return db.prisma.syncSchedule.update({ where: { jobName }, data });
  }

  it("reach a running scheduler process through the notification, without a restart", async () => {
    await setSchedule({ cronTime: "11:30", enabled: true });
    const app = spawnApp("scheduler", {
      DATABASE_URL: db.url,
      REDIS_URL: testServers().redisUrl,
      QUEUE_PREFIX: redis.prefix,
      // so that only the notification can explain a prompt reschedule
      SCHEDULE_REFRESH_SECONDS: "3600",
    });
    try {
      await app.waitFor(/scheduler started/);
      await setSchedule({ cronTime: "03:17" });
      await publishScheduleChanged(redis.connection, redis.prefix, "master_sync");
      const line = JSON.parse(await app.waitFor(/"message":"schedule changed"/, 5_000)) as Record<string, string>;
      expect(line).toMatchObject({ job_name: "master_sync", cron_time: "03:17", timezone: "Asia/Tokyo" });
      expect(tokyoTimeOfDay(new Date(line.next_run_at!))).toBe("03:17");
      app.process.kill("SIGTERM");
      expect(await app.exited()).toEqual({ code: 0, signal: null });
    } finally {
      if (app.process.exitCode === null) app.process.kill("SIGKILL");
    }
  });

  describe("in process", () => {
    let subscriber: Redis;
    let scheduler: Scheduler;
    let dailyPricesRuns: Occurrence[];

    beforeEach(async () => {
      await setSchedule({ cronTime: "11:30", enabled: true, timezone: "Asia/Tokyo" });
      await setSchedule({ cronTime: "19:00", enabled: true, provider: null }, "daily_prices");
      dailyPricesRuns = [];
      subscriber = new Redis(testServers().redisUrl);
      scheduler = createScheduler({
        config: { queuePrefix: redis.prefix, refreshIntervalMs: 200 },
        logger: testLogger(),
        prisma: db.prisma,
        redis: redis.connection,
        subscriber,
        actions: {
          master_sync: skip,
          daily_prices: async (occurrence) => {
            dailyPricesRuns.push(occurrence);
            return skip();
          },
        },
      });
      await scheduler.start();
    });

    afterEach(async () => {
      await scheduler.stop();
      await subscriber.quit();
    });

    const masterSync = () => scheduler.schedules().find((schedule) => schedule.jobName === "master_sync");

    it("loads every schedule with its next run in Tokyo", () => {
      expect(scheduler.schedules().map((schedule) => [schedule.jobName, tokyoTimeOfDay(schedule.nextRunAt!)])).toEqual([
        ["daily_prices", "19:00"],
        ["master_sync", "11:30"],
      ]);
    });

    it("picks up a change by polling when no notification comes", async () => {
      await setSchedule({ cronTime: "06:45" });
      const nextRun = await waitUntil(
        "the scheduler's poll to move master_sync to 06:45",
        () => tokyoTimeOfDay(masterSync()!.nextRunAt!),
        (time) => time === "06:45",
        { timeoutMs: 3_000, intervalMs: 50 },
      );
      expect(nextRun).toBe("06:45");
    });

    it("follows the timezone and the enabled flag", async () => {
      await setSchedule({ cronTime: "06:45", timezone: "UTC" });
      await scheduler.refresh();
      expect(masterSync()!.nextRunAt!.toISOString()).toMatch(/T06:45:00\.000Z$/);
      await setSchedule({ enabled: false });
      await scheduler.refresh();
      expect(masterSync()).toMatchObject({ enabled: false, nextRunAt: null });
    });

    it("leaves an invalid time unscheduled instead of crashing, and recovers once it is fixed", async () => {
      await setSchedule({ cronTime: "25:00" });
      await scheduler.refresh();
      expect(masterSync()).toMatchObject({ cronTime: "25:00", nextRunAt: null });
      await setSchedule({ cronTime: "08:00" });
      await scheduler.refresh();
      expect(tokyoTimeOfDay(masterSync()!.nextRunAt!)).toBe("08:00");
    });

    it("runs the price update at its changed time with its changed provider, without a restart", async () => {
      const fireAt = new Date(Math.ceil((Date.now() + 3_000) / 60_000) * 60_000);
      await setSchedule({ cronTime: tokyoTimeOfDay(fireAt), provider: "jquants" }, "daily_prices");
      await publishScheduleChanged(redis.connection, redis.prefix, "daily_prices");
      const runs = await waitUntil(
        `the price update to fire at ${tokyoTimeOfDay(fireAt)} Tokyo`,
        () => dailyPricesRuns,
        (seen) => seen.length > 0,
        { timeoutMs: fireAt.getTime() - Date.now() + 10_000, intervalMs: 100 },
      );
      expect(runs).toEqual([
        expect.objectContaining({ jobName: "daily_prices", scheduledAt: fireAt, provider: "jquants" }),
      ]);
    }, 80_000);
  });
});
