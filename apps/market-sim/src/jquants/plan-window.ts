import type { JQuantsPlan } from "./plans";

/** How far back each plan reaches, in years; Free also lags 12 weeks behind today. */
const HISTORY_YEARS: Record<JQuantsPlan, number> = { free: 2, light: 5, standard: 10, premium: 20 };
const FREE_DELAY_DAYS = 12 * 7;

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The dates a plan's subscription covers as of `today`, both included. */
export function planWindow(plan: JQuantsPlan, today: string): { from: string; to: string } {
  const to = plan === "free" ? shiftDays(today, -FREE_DELAY_DAYS) : today;
  const from = `${Number(to.slice(0, 4)) - HISTORY_YEARS[plan]}${to.slice(4)}`;
  return { from, to };
}

/** J-Quants' 400 message for a date outside the subscription. */
export function outsideWindowMessage(window: { from: string; to: string }): string {
  return `Your subscription covers the following dates: ${window.from} ~ ${window.to}. If you want more data, please check other plans:  https://jpx-jquants.com/`;
}
