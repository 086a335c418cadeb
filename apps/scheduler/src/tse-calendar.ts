const TOKYO_DATE = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Tokyo",
  weekday: "short",
  month: "numeric",
  day: "numeric",
});

/**
 * Whether the Tokyo Stock Exchange may trade on the Tokyo date of `at`: not on weekends nor over the
 * year-end holidays (12/31–1/3). National holidays are not known here; a run on one finds no new
 * bars, which the price update of issue 5 tolerates.
 */
export function isTseTradingDay(at: Date): boolean {
  const parts = Object.fromEntries(TOKYO_DATE.formatToParts(at).map((part) => [part.type, part.value]));
  if (parts.weekday === "Sat" || parts.weekday === "Sun") return false;
  const month = Number(parts.month);
  const day = Number(parts.day);
  return !((month === 12 && day === 31) || (month === 1 && day <= 3));
}
