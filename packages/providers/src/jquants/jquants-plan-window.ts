import { JQUANTS_PLAN_NAMES } from "@kabuto/contract";

export type JQuantsPlanName = (typeof JQUANTS_PLAN_NAMES)[number];

/** How far back each J-Quants plan reaches, in years (J-Quants' plan table); Free also lags 12 weeks. */
const HISTORY_YEARS: Record<JQuantsPlanName, number> = { free: 2, light: 5, standard: 10, premium: 20 };
const FREE_DELAY_DAYS = 12 * 7;

/** The dates (YYYY-MM-DD, both included) a key of `plan` may ask for as of `today` (Tokyo). */
export function jquantsPlanWindow(plan: JQuantsPlanName, today: string): { from: string; to: string } {
  const end = new Date(`${today}T00:00:00Z`);
  if (plan === "free") end.setUTCDate(end.getUTCDate() - FREE_DELAY_DAYS);
  const to = end.toISOString().slice(0, 10);
  return { from: `${Number(to.slice(0, 4)) - HISTORY_YEARS[plan]}${to.slice(4)}`, to };
}

/** Whether a plan may download bulk files (every paid plan). */
export const hasBulkAccess = (plan: JQuantsPlanName) => plan !== "free";

/** Whether `name` is a J-Quants plan Kabuto knows. */
export const isJQuantsPlanName = (name: string | null): name is JQuantsPlanName =>
  (JQUANTS_PLAN_NAMES as readonly (string | null)[]).includes(name);
