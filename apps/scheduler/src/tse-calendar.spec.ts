import { isTseTradingDay } from "./tse-calendar";

describe("isTseTradingDay", () => {
  it.each([
    ["2026-06-01T19:00:00+09:00", true, "a Monday"],
    ["2026-06-05T19:00:00+09:00", true, "a Friday"],
    ["2026-06-06T19:00:00+09:00", false, "a Saturday"],
    ["2026-06-07T19:00:00+09:00", false, "a Sunday"],
    ["2026-12-30T19:00:00+09:00", true, "the last trading day of the year"],
    ["2026-12-31T19:00:00+09:00", false, "New Year's Eve"],
    ["2027-01-01T19:00:00+09:00", false, "New Year's Day"],
    ["2027-01-04T19:00:00+09:00", true, "the first trading day of 2027"],
    ["2029-01-03T19:00:00+09:00", false, "January 3rd on a weekday"],
  ])("%s is %s (%s)", (at, expected) => {
    expect(isTseTradingDay(new Date(at))).toBe(expected);
  });

  it("judges by the date in Tokyo, not in UTC", () => {
    // 2026-06-05 (Friday) 23:30 UTC is already Saturday in Tokyo
    expect(isTseTradingDay(new Date("2026-06-05T23:30:00Z"))).toBe(false);
    // 2026-06-07 (Sunday) 15:30 UTC is Monday 00:30 in Tokyo
    expect(isTseTradingDay(new Date("2026-06-07T15:30:00Z"))).toBe(true);
  });
});
