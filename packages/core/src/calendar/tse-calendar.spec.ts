import {
  holidayName,
  isCalendarDate,
  isTradingDay,
  nationalHolidayNames,
  nationalHolidays,
  shiftTradingDays,
  tokyoDate,
  tradingDaysBetween,
} from "./tse-calendar";

/**
 * The oracle: every 国民の祝日 and 休日 of 2000–2027 as the Cabinet Office publishes them
 * (内閣府「国民の祝日について」, syukujitsu.csv), "M/D name", written out here by hand and never
 * computed. One deviation from the file: it labels 2019-10-14 "体育の日（スポーツの日）"; the day
 * was still 体育の日 (the new name applies from 2020), which is what Kabuto says.
 */
const PUBLISHED: Record<number, string> = {
  2000: "1/1 元日, 1/10 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 みどりの日, 5/3 憲法記念日, 5/4 休日, 5/5 こどもの日, 7/20 海の日, 9/15 敬老の日, 9/23 秋分の日, 10/9 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2001: "1/1 元日, 1/8 成人の日, 2/11 建国記念の日, 2/12 休日, 3/20 春分の日, 4/29 みどりの日, 4/30 休日, 5/3 憲法記念日, 5/4 休日, 5/5 こどもの日, 7/20 海の日, 9/15 敬老の日, 9/23 秋分の日, 9/24 休日, 10/8 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日, 12/24 休日",
  2002: "1/1 元日, 1/14 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 みどりの日, 5/3 憲法記念日, 5/4 休日, 5/5 こどもの日, 5/6 休日, 7/20 海の日, 9/15 敬老の日, 9/16 休日, 9/23 秋分の日, 10/14 体育の日, 11/3 文化の日, 11/4 休日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2003: "1/1 元日, 1/13 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 みどりの日, 5/3 憲法記念日, 5/5 こどもの日, 7/21 海の日, 9/15 敬老の日, 9/23 秋分の日, 10/13 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 11/24 休日, 12/23 天皇誕生日",
  2004: "1/1 元日, 1/12 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 みどりの日, 5/3 憲法記念日, 5/4 休日, 5/5 こどもの日, 7/19 海の日, 9/20 敬老の日, 9/23 秋分の日, 10/11 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2005: "1/1 元日, 1/10 成人の日, 2/11 建国記念の日, 3/20 春分の日, 3/21 休日, 4/29 みどりの日, 5/3 憲法記念日, 5/4 休日, 5/5 こどもの日, 7/18 海の日, 9/19 敬老の日, 9/23 秋分の日, 10/10 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2006: "1/1 元日, 1/2 休日, 1/9 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 みどりの日, 5/3 憲法記念日, 5/4 休日, 5/5 こどもの日, 7/17 海の日, 9/18 敬老の日, 9/23 秋分の日, 10/9 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2007: "1/1 元日, 1/8 成人の日, 2/11 建国記念の日, 2/12 休日, 3/21 春分の日, 4/29 昭和の日, 4/30 休日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/16 海の日, 9/17 敬老の日, 9/23 秋分の日, 9/24 休日, 10/8 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日, 12/24 休日",
  2008: "1/1 元日, 1/14 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/21 海の日, 9/15 敬老の日, 9/23 秋分の日, 10/13 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 11/24 休日, 12/23 天皇誕生日",
  2009: "1/1 元日, 1/12 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/20 海の日, 9/21 敬老の日, 9/22 休日, 9/23 秋分の日, 10/12 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2010: "1/1 元日, 1/11 成人の日, 2/11 建国記念の日, 3/21 春分の日, 3/22 休日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/19 海の日, 9/20 敬老の日, 9/23 秋分の日, 10/11 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2011: "1/1 元日, 1/10 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/18 海の日, 9/19 敬老の日, 9/23 秋分の日, 10/10 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2012: "1/1 元日, 1/2 休日, 1/9 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 昭和の日, 4/30 休日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/16 海の日, 9/17 敬老の日, 9/22 秋分の日, 10/8 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日, 12/24 休日",
  2013: "1/1 元日, 1/14 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/15 海の日, 9/16 敬老の日, 9/23 秋分の日, 10/14 体育の日, 11/3 文化の日, 11/4 休日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2014: "1/1 元日, 1/13 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/21 海の日, 9/15 敬老の日, 9/23 秋分の日, 10/13 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 11/24 休日, 12/23 天皇誕生日",
  2015: "1/1 元日, 1/12 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/20 海の日, 9/21 敬老の日, 9/22 休日, 9/23 秋分の日, 10/12 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2016: "1/1 元日, 1/11 成人の日, 2/11 建国記念の日, 3/20 春分の日, 3/21 休日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/18 海の日, 8/11 山の日, 9/19 敬老の日, 9/22 秋分の日, 10/10 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2017: "1/1 元日, 1/2 休日, 1/9 成人の日, 2/11 建国記念の日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/17 海の日, 8/11 山の日, 9/18 敬老の日, 9/23 秋分の日, 10/9 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日",
  2018: "1/1 元日, 1/8 成人の日, 2/11 建国記念の日, 2/12 休日, 3/21 春分の日, 4/29 昭和の日, 4/30 休日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/16 海の日, 8/11 山の日, 9/17 敬老の日, 9/23 秋分の日, 9/24 休日, 10/8 体育の日, 11/3 文化の日, 11/23 勤労感謝の日, 12/23 天皇誕生日, 12/24 休日",
  2019: "1/1 元日, 1/14 成人の日, 2/11 建国記念の日, 3/21 春分の日, 4/29 昭和の日, 4/30 休日, 5/1 休日（祝日扱い）, 5/2 休日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/15 海の日, 8/11 山の日, 8/12 休日, 9/16 敬老の日, 9/23 秋分の日, 10/14 体育の日, 10/22 休日（祝日扱い）, 11/3 文化の日, 11/4 休日, 11/23 勤労感謝の日",
  2020: "1/1 元日, 1/13 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 2/24 休日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/23 海の日, 7/24 スポーツの日, 8/10 山の日, 9/21 敬老の日, 9/22 秋分の日, 11/3 文化の日, 11/23 勤労感謝の日",
  2021: "1/1 元日, 1/11 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/22 海の日, 7/23 スポーツの日, 8/8 山の日, 8/9 休日, 9/20 敬老の日, 9/23 秋分の日, 11/3 文化の日, 11/23 勤労感謝の日",
  2022: "1/1 元日, 1/10 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 3/21 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/18 海の日, 8/11 山の日, 9/19 敬老の日, 9/23 秋分の日, 10/10 スポーツの日, 11/3 文化の日, 11/23 勤労感謝の日",
  2023: "1/1 元日, 1/2 休日, 1/9 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 3/21 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/17 海の日, 8/11 山の日, 9/18 敬老の日, 9/23 秋分の日, 10/9 スポーツの日, 11/3 文化の日, 11/23 勤労感謝の日",
  2024: "1/1 元日, 1/8 成人の日, 2/11 建国記念の日, 2/12 休日, 2/23 天皇誕生日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/15 海の日, 8/11 山の日, 8/12 休日, 9/16 敬老の日, 9/22 秋分の日, 9/23 休日, 10/14 スポーツの日, 11/3 文化の日, 11/4 休日, 11/23 勤労感謝の日",
  2025: "1/1 元日, 1/13 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 2/24 休日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/21 海の日, 8/11 山の日, 9/15 敬老の日, 9/23 秋分の日, 10/13 スポーツの日, 11/3 文化の日, 11/23 勤労感謝の日, 11/24 休日",
  2026: "1/1 元日, 1/12 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 3/20 春分の日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日, 7/20 海の日, 8/11 山の日, 9/21 敬老の日, 9/22 休日, 9/23 秋分の日, 10/12 スポーツの日, 11/3 文化の日, 11/23 勤労感謝の日",
  2027: "1/1 元日, 1/11 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 3/21 春分の日, 3/22 休日, 4/29 昭和の日, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 7/19 海の日, 8/11 山の日, 9/20 敬老の日, 9/23 秋分の日, 10/11 スポーツの日, 11/3 文化の日, 11/23 勤労感謝の日",
};

const YEARS = Object.keys(PUBLISHED).map(Number);

function publishedHolidays(year: number): [string, string][] {
  return PUBLISHED[year]!.split(", ").map((entry) => {
    const [monthDay, name] = entry.split(" ") as [string, string];
    const [month, day] = monthDay.split("/") as [string, string];
    return [`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`, name];
  });
}

/** Every date of `year`, "YYYY-MM-DD". */
function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let time = Date.UTC(year, 0, 1); time <= Date.UTC(year, 11, 31); time += 86_400_000)
    dates.push(new Date(time).toISOString().slice(0, 10));
  return dates;
}

/** The TSE's trading days of `year` from the published list alone: weekdays, not 12/31–1/3, not a holiday. */
function publishedTradingDays(year: number): string[] {
  const holidays = new Set(publishedHolidays(year).map(([date]) => date));
  return datesOf(year).filter((date) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const yearEnd = ["12-31", "01-01", "01-02", "01-03"].includes(date.slice(5));
    return weekday !== 0 && weekday !== 6 && !yearEnd && !holidays.has(date);
  });
}

/**
 * Trading days a year, counted from the published list by publishedTradingDays (JPX's own counts for
 * these years agree, e.g. 241 in 2019 with its ten-day Golden Week, 243 in 2020).
 */
const TRADING_DAYS_PER_YEAR: Record<number, number> = {
  2000: 248,
  2001: 246,
  2002: 246,
  2003: 245,
  2004: 246,
  2005: 245,
  2006: 248,
  2007: 245,
  2008: 245,
  2009: 243,
  2010: 245,
  2011: 245,
  2012: 248,
  2013: 245,
  2014: 244,
  2015: 244,
  2016: 245,
  2017: 247,
  2018: 245,
  2019: 241,
  2020: 243,
  2021: 245,
  2022: 244,
  2023: 246,
  2024: 245,
  2025: 243,
  2026: 242,
  2027: 244,
};

const trading = (dates: string[]) => dates.filter(isTradingDay);
const closed = (dates: string[]) => dates.filter((date) => !isTradingDay(date));

describe("national holidays against the Cabinet Office's list", () => {
  it.each(YEARS)("%i: every holiday, with its name", (year) => {
    expect([...nationalHolidayNames(year)]).toEqual(publishedHolidays(year));
    expect([...nationalHolidays(year)]).toEqual(publishedHolidays(year).map(([date]) => date));
  });

  it("knows the 1990s too (spot checks from the same list)", () => {
    expect(holidayName("1999-01-15")).toBe("成人の日");
    expect(holidayName("1999-10-11")).toBe("休日");
    expect(holidayName("1997-07-21")).toBe("休日");
    expect(holidayName("1993-06-09")).toBe("結婚の儀");
    expect(holidayName("1990-11-12")).toBe("即位礼正殿の儀");
    expect(holidayName("1989-02-24")).toBe("大喪の礼");
    expect(holidayName("1997-05-04")).toBeUndefined(); // a Sunday between two holidays, before 2007
  });

  it("refuses years outside the rules", () => {
    expect(() => nationalHolidays(1988)).toThrow(RangeError);
    expect(() => nationalHolidays(2100)).toThrow(RangeError);
    expect(() => isTradingDay("1985-05-01")).toThrow(RangeError);
  });
});

describe("trading days a year", () => {
  it.each(YEARS)("%i", (year) => {
    expect(publishedTradingDays(year)).toHaveLength(TRADING_DAYS_PER_YEAR[year]!);
    expect(tradingDaysBetween(`${year}-01-01`, `${year}-12-31`)).toEqual(publishedTradingDays(year));
  });
});

describe("the law in force each year", () => {
  it("Coming of Age Day: 1/15 until 1999, the second Monday of January from 2000", () => {
    expect(closed(["1999-01-15"])).toEqual(["1999-01-15"]);
    expect(trading(["1999-01-11", "2000-01-14", "2001-01-15"])).toEqual(["1999-01-11", "2000-01-14", "2001-01-15"]);
    expect(closed(["2000-01-10", "2001-01-08", "2026-01-12"])).toEqual(["2000-01-10", "2001-01-08", "2026-01-12"]);
  });

  it("Health and Sports Day: 10/10 until 1999, the second Monday of October from 2000", () => {
    expect(isTradingDay("1997-10-10")).toBe(false);
    expect(isTradingDay("1997-10-13")).toBe(true);
    expect(isTradingDay("2000-10-09")).toBe(false);
    expect(isTradingDay("2000-10-10")).toBe(true);
    expect(isTradingDay("2001-10-10")).toBe(true);
  });

  it("Marine Day: 7/20 until 2002, the third Monday of July from 2003", () => {
    expect(isTradingDay("2001-07-20")).toBe(false);
    expect(isTradingDay("2001-07-16")).toBe(true);
    expect(isTradingDay("2002-07-15")).toBe(true);
    expect(isTradingDay("2003-07-21")).toBe(false);
    expect(isTradingDay("2004-07-19")).toBe(false);
    expect(isTradingDay("2004-07-20")).toBe(true);
  });

  it("Respect for the Aged Day: 9/15 until 2002, the third Monday of September from 2003", () => {
    expect(isTradingDay("2000-09-15")).toBe(false);
    expect(isTradingDay("2000-09-18")).toBe(true);
    expect(isTradingDay("2002-09-16")).toBe(false); // 9/15 a Sunday: substitute Monday
    expect(isTradingDay("2004-09-15")).toBe(true);
    expect(isTradingDay("2004-09-20")).toBe(false);
  });

  it("Mountain Day: 8/11 from 2016 only", () => {
    const before = YEARS.filter((year) => year < 2016).map((year) => `${year}-08-11`);
    const weekdays = before.filter((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
    expect(weekdays).toHaveLength(11);
    expect(closed(weekdays)).toEqual([]);
    expect(isTradingDay("2015-08-11")).toBe(true);
    expect(isTradingDay("2016-08-11")).toBe(false);
    expect(isTradingDay("2019-08-12")).toBe(false); // 8/11 a Sunday
    expect(isTradingDay("2026-08-11")).toBe(false);
  });

  it("Emperor's Birthday: 12/23 until 2018, none in 2019, 2/23 from 2020", () => {
    expect(closed(["2016-12-23", "2018-12-24"])).toEqual(["2016-12-23", "2018-12-24"]);
    expect(trading(["2015-02-23", "2018-02-23", "2019-02-22", "2019-12-23"])).toEqual([
      "2015-02-23",
      "2018-02-23",
      "2019-02-22",
      "2019-12-23",
    ]);
    expect(holidayName("2019-12-23")).toBeUndefined();
    expect(holidayName("2019-02-23")).toBeUndefined();
    expect(closed(["2020-02-24", "2021-02-23", "2026-02-23"])).toEqual(["2020-02-24", "2021-02-23", "2026-02-23"]);
    expect(isTradingDay("2020-12-23")).toBe(true);
  });

  it("4/29 and 5/4: Greenery Day and a citizens' holiday until 2006, Showa Day and Greenery Day from 2007", () => {
    expect(holidayName("2006-04-29")).toBe("みどりの日");
    expect(holidayName("2006-05-04")).toBe("休日");
    expect(holidayName("2007-04-29")).toBe("昭和の日");
    expect(holidayName("2007-05-04")).toBe("みどりの日");
    expect(isTradingDay("2006-05-04")).toBe(false);
    expect(isTradingDay("2007-05-04")).toBe(false);
    // 5/4 on a Sunday: no holiday before 2007, so nothing to substitute; a holiday from 2007, so 5/6 rests
    expect(holidayName("2003-05-04")).toBeUndefined();
    expect(isTradingDay("2003-05-06")).toBe(true);
    expect(isTradingDay("2008-05-06")).toBe(false);
    expect(isTradingDay("2014-05-06")).toBe(false);
  });

  it("2019's enthronement: 4/30, 5/1, 5/2 and 10/22 closed, a ten-day Golden Week", () => {
    expect(closed(datesOf(2019).filter((date) => date >= "2019-04-27" && date <= "2019-05-06"))).toHaveLength(10);
    expect(holidayName("2019-04-30")).toBe("休日");
    expect(holidayName("2019-05-01")).toBe("休日（祝日扱い）");
    expect(holidayName("2019-05-02")).toBe("休日");
    expect(holidayName("2019-10-22")).toBe("休日（祝日扱い）");
    expect(trading(["2019-04-26", "2019-05-07", "2019-10-21", "2019-10-23"])).toHaveLength(4);
    expect(trading(["2018-04-30", "2018-05-01", "2018-05-02", "2020-05-01", "2020-10-22"])).toEqual([
      "2018-05-01",
      "2018-05-02",
      "2020-05-01",
      "2020-10-22",
    ]); // 2018-04-30: the substitute for Showa Day
  });

  it("2020's Olympic moves: Marine Day 7/23, Sports Day 7/24, Mountain Day 8/10, nothing on 7/20, 8/11, 10/12", () => {
    expect(closed(["2020-07-23", "2020-07-24", "2020-08-10"])).toHaveLength(3);
    expect(trading(["2020-07-20", "2020-08-11", "2020-10-12"])).toHaveLength(3);
  });

  it("2021's Olympic moves: Marine Day 7/22, Sports Day 7/23, Mountain Day 8/8 and its substitute 8/9", () => {
    expect(closed(["2021-07-22", "2021-07-23", "2021-08-09"])).toHaveLength(3);
    expect(holidayName("2021-08-08")).toBe("山の日");
    expect(trading(["2021-07-19", "2021-08-11", "2021-10-11"])).toHaveLength(3);
    // back to the usual days in 2022
    expect(closed(["2022-07-18", "2022-08-11", "2022-10-10"])).toHaveLength(3);
    expect(trading(["2022-07-21", "2022-07-22", "2022-08-08"])).toHaveLength(3);
  });

  it("Health and Sports Day is Sports Day from 2020", () => {
    expect(holidayName("2019-10-14")).toBe("体育の日");
    expect(holidayName("2020-07-24")).toBe("スポーツの日");
    expect(holidayName("2022-10-10")).toBe("スポーツの日");
  });

  it("substitute holidays: the next non-holiday from 2007, only the next Monday before", () => {
    // 5/3 on a Sunday: before 2007 the Monday rests (5/4) and 5/6 trades; from 2007, 5/6 rests
    expect(holidayName("1998-05-04")).toBe("休日");
    expect(isTradingDay("1998-05-06")).toBe(true);
    expect(isTradingDay("2009-05-06")).toBe(false);
    expect(isTradingDay("2015-05-06")).toBe(false);
    // a Sunday holiday with an ordinary Monday after it, on both sides of 2007
    expect(closed(["2001-12-24", "2006-01-02", "2012-12-24", "2024-09-23"])).toHaveLength(4);
    expect(isTradingDay("2001-12-25")).toBe(true);
    expect(isTradingDay("2024-09-24")).toBe(true);
  });

  it("citizens' holidays: a day between two holidays", () => {
    expect(closed(["2009-09-22", "2015-09-22", "2026-09-22"])).toHaveLength(3);
    expect(holidayName("2026-09-22")).toBe("休日");
    expect(trading(["2014-09-22", "2020-09-23", "2027-09-21", "2027-09-22"])).toHaveLength(4);
  });

  it("equinoxes by the formula, as published", () => {
    const equinoxes = YEARS.flatMap((year) =>
      publishedHolidays(year)
        .filter(([, name]) => name === "春分の日" || name === "秋分の日")
        .map(([date]) => date),
    );
    expect(equinoxes).toHaveLength(56);
    for (const date of equinoxes) expect(holidayName(date)).toMatch(/^(春分|秋分)の日$/);
    expect(isTradingDay("2016-09-22")).toBe(false);
    expect(isTradingDay("2016-09-23")).toBe(true);
    expect(isTradingDay("2027-03-22")).toBe(false); // 3/21 a Sunday
  });
});

describe("TSE calendar", () => {
  it("closes on weekends, holidays and the year-end break", () => {
    expect(isTradingDay("2026-11-24")).toBe(true);
    expect(isTradingDay("2026-11-23")).toBe(false);
    expect(isTradingDay("2026-11-22")).toBe(false);
    expect(isTradingDay("2026-12-30")).toBe(true);
    expect(isTradingDay("2026-12-31")).toBe(false);
    expect(isTradingDay("2025-01-03")).toBe(false);
    expect(isTradingDay("2027-01-04")).toBe(true);
  });

  it("counts trading days", () => {
    expect(shiftTradingDays("2026-11-20", 1)).toBe("2026-11-24");
    expect(shiftTradingDays("2026-11-24", -1)).toBe("2026-11-20");
    expect(shiftTradingDays("2019-04-26", 1)).toBe("2019-05-07");
    expect(tradingDaysBetween("2026-12-28", "2027-01-05")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2027-01-04",
      "2027-01-05",
    ]);
  });

  it("tells real calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("20260101")).toBe(false);
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
