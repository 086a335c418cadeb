import { BATCH_STATUS_LABELS, type BatchStatus } from "@kabuto/contract";

const LOCALE = "ja-JP";

/** 1056309 → "1,056,309". */
export function formatCount(value: number): string {
  return value.toLocaleString(LOCALE);
}

/** 152.23 → "152.2" (always `digits` decimals). */
export function formatDecimal(value: number, digits = 1): string {
  return value.toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Seconds as "0:16", "12:05" or "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** An instant (epoch seconds or ISO 8601) in Tokyo time: "2026/11/26 12:34:56". */
export function formatDateTime(instant: number | string): string {
  const date = typeof instant === "number" ? new Date(instant * 1000) : new Date(instant);
  return date.toLocaleString(LOCALE, { timeZone: "Asia/Tokyo" });
}

/** A job's status as the terminal shows it: "完了". */
export function statusLabel(status: BatchStatus): string {
  return BATCH_STATUS_LABELS[status].ja;
}

export const UNIT_LABEL = { symbols: "銘柄", dates: "日", companies: "社" } as const;
export type ProgressUnit = keyof typeof UNIT_LABEL;

/** Columns a string takes in a terminal: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** Pads with spaces to `width` terminal columns. */
export function padDisplay(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}
