import { z } from "zod";

import { COMMON_ENV, defaultLogFormat, parseEnv, portSchema } from "@kabuto/core";

import { faultsSchema } from "./faults/faults";
import { JQUANTS_PLAN_LIMITS, type JQuantsPlan } from "./jquants/plans";

const jsonFaults = z.string().transform((text, context) => {
  try {
    const parsed = faultsSchema.partial().safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // reported below like any other malformed value
  }
  context.addIssue({ code: "custom", message: "must be a JSON object of fault knobs (see apps/market-sim/README.md)" });
  return z.NEVER;
});

const keyList = z.string().transform((text, context) => {
  const entries = text.split(",").map((entry) => entry.trim().split(":"));
  if (entries.some(([key, plan]) => !key || !plan || !(plan in JQUANTS_PLAN_LIMITS))) {
    context.addIssue({
      code: "custom",
      message: "must be key:plan pairs separated by commas (plans: free, light, standard, premium)",
    });
    return z.NEVER;
  }
  return Object.fromEntries(entries) as Record<string, JQuantsPlan>;
});

const MARKET_SIM_ENV = {
  ...COMMON_ENV,
  MARKET_SIM_HOST: z.string().min(1).default("127.0.0.1"),
  MARKET_SIM_PORT: portSchema.default(4010),
  MARKET_SIM_SEED: z.coerce.number().int("must be a whole number").default(20260601),
  MARKET_SIM_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
    .default("2026-11-20"),
  MARKET_SIM_FAULTS: jsonFaults.optional(),
  MARKET_SIM_JQUANTS_KEYS: keyList.optional(),
};

export type MarketSimConfig = ReturnType<typeof loadMarketSimConfig>;

/** The simulator's configuration, from the environment, validated once. */
export function loadMarketSimConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(MARKET_SIM_ENV, source);
  return {
    log: { level: env.LOG_LEVEL, format: defaultLogFormat(env) },
    http: { host: env.MARKET_SIM_HOST, port: env.MARKET_SIM_PORT },
    seed: env.MARKET_SIM_SEED,
    baseDate: env.MARKET_SIM_DATE,
    faults: env.MARKET_SIM_FAULTS,
    jquantsKeys: env.MARKET_SIM_JQUANTS_KEYS,
  };
}
