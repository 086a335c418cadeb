/** Japanese number, date and duration formats for the dashboard (times in JST). */

const INTEGER = new Intl.NumberFormat("ja-JP");
const ONE_DECIMAL = new Intl.NumberFormat("ja-JP", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PRICE = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2 });
const DATE_TIME = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** @param {number | null | undefined} value */
export const formatCount = (value) => (value === null || value === undefined ? "–" : INTEGER.format(value));

/** @param {number} value a percentage 0–100 */
export const formatPercent = (value) => `${ONE_DECIMAL.format(value)} %`;

/** @param {number | null | undefined} value */
export const formatPrice = (value) => (value === null || value === undefined ? "–" : PRICE.format(value));

/**
 * "2025-07-10 05:02:34" in Asia/Tokyo, as seed 001 writes it.
 * @param {string | number | Date | null | undefined} value an ISO string, epoch milliseconds or a Date
 */
export function formatDateTime(value) {
  if (value === null || value === undefined) return "–";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "–";
  /** @type {Record<string, string>} */
  const parts = {};
  for (const part of DATE_TIME.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * "4.5秒", "2分05秒", "1時間02分".
 * @param {number | null | undefined} seconds
 */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
  if (seconds < 60) return `${ONE_DECIMAL.format(seconds)}秒`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}時間${String(minutes).padStart(2, "0")}分`;
  return `${minutes}分${String(rest).padStart(2, "0")}秒`;
}
