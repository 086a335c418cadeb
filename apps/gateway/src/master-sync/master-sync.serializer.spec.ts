import type { SyncSchedule } from "@kabuto/db";

import { serializeSchedule } from "./master-sync.serializer";

const schedule = (time: string, enabled = true): SyncSchedule => ({
  id: 1,
  jobName: "master_sync",
  enabled,
  cronTime: time,
  timezone: "Asia/Tokyo",
  provider: null,
  lastRunAt: null,
  lastStatus: null,
  lastCount: null,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-01T00:00:00Z"),
});

describe("the schedule's next run", () => {
  it("is later today in Tokyo when the time has not come yet", () => {
    expect(serializeSchedule(schedule("11:30"), new Date("2026-11-24T01:00:00Z")).next_run_at).toBe(
      "2026-11-24T02:30:00.000Z",
    );
  });

  it("is in the Tokyo day, not the UTC one: 20:00 UTC on the 24th is already 05:00 on the 25th in Tokyo", () => {
    expect(serializeSchedule(schedule("08:00"), new Date("2026-11-24T20:00:00Z")).next_run_at).toBe(
      "2026-11-24T23:00:00.000Z",
    );
    expect(serializeSchedule(schedule("04:00"), new Date("2026-11-24T20:00:00Z")).next_run_at).toBe(
      "2026-11-25T19:00:00.000Z",
    );
  });

  it("is null while the schedule is disabled", () => {
    expect(serializeSchedule(schedule("11:30", false), new Date("2026-11-24T01:00:00Z")).next_run_at).toBeNull();
  });
});
