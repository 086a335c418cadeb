import { InvalidScheduleError } from "./invalid-schedule.error";
import { nextDailyRun, parseTimeOfDay } from "./time-of-day";

describe("parseTimeOfDay", () => {
  it("reads HH:MM and refuses anything else", () => {
    expect(parseTimeOfDay("09:05")).toEqual({ hours: 9, minutes: 5 });
    for (const text of ["24:00", "12:60", "9:30", "11:30:00", "", " 11:30"]) {
      expect(() => parseTimeOfDay(text)).toThrow(InvalidScheduleError);
    }
  });
});

describe("nextDailyRun", () => {
  it("is later the same Tokyo day when the time has not come yet", () => {
    expect(nextDailyRun("11:30", new Date("2026-11-24T01:00:00Z")).toISOString()).toBe("2026-11-24T02:30:00.000Z");
  });

  it("is the next Tokyo day once the time has passed", () => {
    expect(nextDailyRun("11:30", new Date("2026-11-24T02:30:00Z")).toISOString()).toBe("2026-11-25T02:30:00.000Z");
  });

  it("follows the Tokyo day when it is already tomorrow there (UTC 23:00 on the 24th is 08:00 on the 25th)", () => {
    expect(nextDailyRun("11:30", new Date("2026-11-24T23:00:00Z")).toISOString()).toBe("2026-11-25T02:30:00.000Z");
    expect(nextDailyRun("07:00", new Date("2026-11-24T23:00:00Z")).toISOString()).toBe("2026-11-25T22:00:00.000Z");
  });

  it("reads the time in the schedule's own timezone, across a daylight-saving change", () => {
    expect(nextDailyRun("11:30", new Date("2026-03-07T18:00:00Z"), "America/New_York").toISOString()).toBe(
      "2026-03-08T15:30:00.000Z",
    );
  });
});
