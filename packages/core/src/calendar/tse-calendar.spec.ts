import { isTradingDay, nationalHolidays, shiftTradingDays, tokyoDate, tradingDaysBetween } from "./tse-calendar";

describe("TSE calendar", () => {
  it("knows 2026's holidays, equinoxes and substitute days", () => {
    const holidays = nationalHolidays(2026);
    for (const day of [
      "2026-01-12",
      "2026-03-20",
      "2026-05-06",
      "2026-09-21",
      "2026-09-22",
      "2026-09-23",
      "2026-11-23",
    ]) {
      expect(holidays.has(day)).toBe(true);
    }
  });

  it("closes on weekends, holidays and the year-end break", () => {
    expect(isTradingDay("2026-11-24")).toBe(true);
    expect(isTradingDay("2026-11-23")).toBe(false);
    expect(isTradingDay("2026-11-22")).toBe(false);
    expect(isTradingDay("2026-12-31")).toBe(false);
    expect(isTradingDay("2027-01-04")).toBe(true);
  });

  it("counts trading days", () => {
    expect(shiftTradingDays("2026-11-20", 1)).toBe("2026-11-24");
    expect(shiftTradingDays("2026-11-24", -1)).toBe("2026-11-20");
    expect(tradingDaysBetween("2026-12-28", "2027-01-05")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2027-01-04",
      "2027-01-05",
    ]);
  });
});

describe("tokyoDate", () => {
  it("is the date in Tokyo, not in UTC", () => {
    // 2026-06-05 (Friday) 23:30 UTC is already Saturday in Tokyo
    expect(tokyoDate(new Date("2026-06-05T23:30:00Z"))).toBe("2026-06-06");
    expect(isTradingDay(tokyoDate(new Date("2026-06-05T23:30:00Z")))).toBe(false);
    expect(tokyoDate(new Date("2026-06-07T15:30:00Z"))).toBe("2026-06-08");
  });
});
