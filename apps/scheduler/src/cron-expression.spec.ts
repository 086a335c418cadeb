import { validate } from "node-cron";

import { InvalidScheduleError, assertTimezone, toCronExpression } from "@kabuto/core";

describe("toCronExpression", () => {
  it.each([
    ["11:30", "30 11 * * *"],
    ["19:00", "0 19 * * *"],
    ["00:00", "0 0 * * *"],
    ["23:59", "59 23 * * *"],
    ["09:05", "5 9 * * *"],
  ])("%s → %s, which node-cron accepts", (time, expression) => {
    expect(toCronExpression(time)).toBe(expression);
    expect(validate(expression)).toBe(true);
  });

  it.each(["24:00", "12:60", "9:30", "11:30:00", "", " 11:30", "ab:cd", "*/5"])("refuses %j", (time) => {
    expect(() => toCronExpression(time)).toThrow(InvalidScheduleError);
  });
});

describe("assertTimezone", () => {
  it("accepts IANA names and refuses unknown ones", () => {
    expect(() => assertTimezone("Asia/Tokyo")).not.toThrow();
    expect(() => assertTimezone("UTC")).not.toThrow();
    expect(() => assertTimezone("Asia/Edo")).toThrow(InvalidScheduleError);
  });
});
