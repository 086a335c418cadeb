import { statusLabel, UNIT_LABEL, displayWidth, formatClock, formatCount, formatDecimal } from "./format";
import type { ProgressSnapshot } from "./progress-snapshot";

export const BAR_FILLED = "█";
export const BAR_EMPTY = "░";
const MIN_BAR = 10;
const MAX_BAR = 40;

/** `[█████░░░░░]` with `width` cells inside the brackets. */
export function renderBar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${BAR_FILLED.repeat(filled)}${BAR_EMPTY.repeat(width - filled)}]`;
}

/** "152.2 銘柄/秒" from one unit a second up, "45 銘柄/分" below; "-" when unknown. */
export function formatThroughput(perSecond: number | null, unit: ProgressSnapshot["unit"]): string {
  if (perSecond === null) return `- ${UNIT_LABEL[unit]}/秒`;
  if (perSecond >= 1) return `${formatDecimal(perSecond)} ${UNIT_LABEL[unit]}/秒`;
  return `${formatCount(Math.round(perSecond * 60))} ${UNIT_LABEL[unit]}/分`;
}

export function formatEta(seconds: number | null): string {
  return `残り ${seconds === null ? "--:--" : formatClock(seconds)}`;
}

export interface ProgressLineInput {
  snapshot: ProgressSnapshot;
  perSecond: number | null;
  etaSeconds: number | null;
  /** Terminal columns, when known: the bar shrinks or grows to fit them. */
  columns?: number;
}

/** One line: status, bar, percentage, processed/total with its unit, failures, throughput, ETA. */
export function renderProgressLine({ snapshot, perSecond, etaSeconds, columns }: ProgressLineInput): string {
  const status = statusLabel(snapshot.status);
  const percentage = `${formatDecimal(snapshot.percentage).padStart(5)}%`;
  const counts = `${formatCount(snapshot.processed)}/${formatCount(snapshot.total)} ${UNIT_LABEL[snapshot.unit]}`;
  const failed = `失敗 ${formatCount(snapshot.failed)}`;
  const running = snapshot.status === "running";
  const tail = [
    percentage,
    counts,
    failed,
    formatThroughput(running ? perSecond : null, snapshot.unit),
    formatEta(running ? etaSeconds : snapshot.processed >= snapshot.total ? 0 : null),
  ].join("  ");
  const fixed = displayWidth(`${status} [] ${tail}`);
  const barWidth = columns === undefined ? 30 : Math.max(MIN_BAR, Math.min(MAX_BAR, columns - 1 - fixed));
  const fraction = snapshot.total === 0 ? 1 : snapshot.processed / snapshot.total;
  return `${status} ${renderBar(fraction, barWidth)} ${tail}`;
}
