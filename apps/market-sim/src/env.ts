import { z } from "zod";

import { COMMON_ENV, defaultLogFormat, parseEnv, portSchema } from "@kabuto/core";

const MARKET_SIM_ENV = {
  ...COMMON_ENV,
  MARKET_SIM_HOST: z.string().min(1).default("127.0.0.1"),
  MARKET_SIM_PORT: portSchema.default(4010),
  MARKET_SIM_SEED: z.coerce.number().int("must be a whole number").default(20260601),
};

export type MarketSimConfig = ReturnType<typeof loadMarketSimConfig>;

/** The simulator's configuration, from the environment, validated once. */
export function loadMarketSimConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(MARKET_SIM_ENV, source);
  return {
    log: { level: env.LOG_LEVEL, format: defaultLogFormat(env) },
    http: { host: env.MARKET_SIM_HOST, port: env.MARKET_SIM_PORT },
    seed: env.MARKET_SIM_SEED,
  };
}
