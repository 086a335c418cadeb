import { shiftDays } from "./jquants-query";
import type { JQuantsPlan } from "./plans";

/** How far back each plan reaches, in years; Free also lags 12 weeks behind today. */
const HISTORY_YEARS: Record<JQuantsPlan, number> = { free: 2, light: 5, standard: 10, premium: 20 };
const FREE_DELAY_DAYS = 12 * 7;

/** The dates a plan's subscription covers as of `today`, both included. */
export function planWindow(plan: JQuantsPlan, today: string): { from: string; to: string } {
  const to = plan === "free" ? shiftDays(today, -FREE_DELAY_DAYS) : today;
  const from = `${Number(to.slice(0, 4)) - HISTORY_YEARS[plan]}${to.slice(4)}`;
  return { from, to };
}

/** The dates a request covers: its from/to (default: the window's ends) within the window, never past today. */
export function clampToWindow(
  window: { from: string; to: string },
  today: string,
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } {
  return {
    from: from !== undefined && from > window.from ? from : window.from,
    to: [to ?? window.to, window.to, today].sort()[0]!,
  };
}

/** J-Quants' 400 message for a date outside the subscription. */
export function outsideWindowMessage(window: { from: string; to: string }): string {
  return `Your subscription covers the following dates: ${window.from} ~ ${window.to}. If you want more data, please check other plans:  https://jpx-jquants.com/`;
}
