import { nextDailyRun } from "./next-daily-run";

describe("nextDailyRun", () => {
  it("is later today in Tokyo when the time has not come yet", () => {
    expect(nextDailyRun("11:30", new Date("2026-11-24T01:00:00Z")).toISOString()).toBe("2026-11-24T02:30:00.000Z");
  });

  it("is tomorrow once the time has passed", () => {
    expect(nextDailyRun("11:30", new Date("2026-11-24T02:30:00Z")).toISOString()).toBe("2026-11-25T02:30:00.000Z");
  });

  it("follows the Tokyo date, not the UTC one", () => {
    expect(nextDailyRun("08:00", new Date("2026-11-24T20:00:00Z")).toISOString()).toBe("2026-11-24T23:00:00.000Z");
  });
});
