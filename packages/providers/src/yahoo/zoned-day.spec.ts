import { dayIn } from "./zoned-day";

describe("dayIn", () => {
  it("turns the date at the zone's midnight, whichever instant of a quarter hour comes first", () => {
    const tokyoMidnight = Date.UTC(2026, 2, 9, 15, 0, 0) / 1000;
    expect(dayIn(tokyoMidnight - 1, "Asia/Tokyo")).toBe("2026-03-09");
    expect(dayIn(tokyoMidnight + 899, "Asia/Tokyo")).toBe("2026-03-10");
    expect(dayIn(tokyoMidnight, "Asia/Tokyo")).toBe("2026-03-10");
    expect(dayIn(tokyoMidnight - 900, "Asia/Tokyo")).toBe("2026-03-09");
  });

  it("keeps each zone's dates apart, daylight saving time included", () => {
    const instant = Date.UTC(2026, 6, 1, 3, 30, 0) / 1000;
    expect(dayIn(instant, "Asia/Tokyo")).toBe("2026-07-01");
    expect(dayIn(instant, "America/New_York")).toBe("2026-06-30");
    expect(dayIn(Date.UTC(2026, 6, 1, 4, 0, 0) / 1000, "America/New_York")).toBe("2026-07-01");
    expect(dayIn(Date.UTC(2026, 0, 1, 4, 30, 0) / 1000, "America/New_York")).toBe("2025-12-31");
  });
});
