/** J-Quants plans and their requests per minute. */
export const JQUANTS_PLAN_LIMITS = { free: 5, light: 60, standard: 120, premium: 500 } as const;
export type JQuantsPlan = keyof typeof JQUANTS_PLAN_LIMITS;
