import { createServer } from "node:http";

import express, { type Express } from "express";
import { z } from "zod";

import { closeServer, listen } from "@kabuto/core";

import { requestCounter, type ClientHeaders } from "./admin/request-counter";
import { faultInjector, faultsSchema, type Faults } from "./faults/faults";
import { jquantsRoutes } from "./jquants/jquants.routes";
import { JQUANTS_PLAN_LIMITS, type JQuantsPlan } from "./jquants/plans";
import { dataJXls } from "./jpx/data-j.xls";
import { createMarketState } from "./market-state";
import { chartRoutes } from "./yahoo/chart.routes";

/** The path JPX publishes data_j.xls under. */
export const JPX_LIST_PATH = "/markets/statistics-equities/misc/tvdivq0000001vg2-att/data_j.xls";

export interface MarketSimOptions {
  seed: number;
  /** The first simulated trading date ("today" on day 0), YYYY-MM-DD. */
  baseDate?: string;
  faults?: Partial<Faults>;
  /** J-Quants API keys and their plans. */
  jquantsKeys?: Record<string, JQuantsPlan>;
  jquantsBlockMs?: number;
}

const DEFAULT_BASE_DATE = "2026-11-20";
/** The key the simulator accepts when none are configured. */
export const DEFAULT_JQUANTS_KEY = "sim-jquants-key";

const keyBody = z.object({
  key: z.string().min(1),
  plan: z.enum(Object.keys(JQUANTS_PLAN_LIMITS) as [JQuantsPlan]).nullable(),
});

/** The simulator's HTTP app (Yahoo, J-Quants and JPX under their real paths), not yet listening. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** `GET /__admin/splits`: which splits the plan holds between two dates, for tests to wait for one. */
const splitsQuery = z.object({ from: isoDate, to: isoDate });

export function createMarketSim(options: MarketSimOptions): Express {
  const state = createMarketState({ seed: options.seed, baseDate: options.baseDate ?? DEFAULT_BASE_DATE });
  let faults = faultsSchema.parse(options.faults ?? {});
  const injector = faultInjector(() => faults, options.seed);
  const counter = requestCounter();
  const keys = new Map(Object.entries(options.jquantsKeys ?? { [DEFAULT_JQUANTS_KEY]: "standard" as const }));

  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  app.use(express.json());
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", seed: options.seed, day: state.day, date: state.today });
  });

  app.get("/__admin/state", (_request, response) =>
    response.json({ day: state.day, date: state.today, listings: state.listings().length, faults }),
  );
  app.get("/__admin/requests", (_request, response) => response.json(counter.snapshot()));
  app.get("/__admin/client-headers", (_request, response) => response.json(counter.clientHeaders()));
  app.post("/__admin/faults", (request, response) => {
    const parsed = faultsSchema.safeParse(request.body);
    if (!parsed.success) return void response.status(400).json({ error: parsed.error.message });
    faults = parsed.data;
    response.json(faults);
  });
  app.get("/__admin/splits", (request, response) => {
    const parsed = splitsQuery.safeParse(request.query);
    if (!parsed.success) return void response.status(400).json({ error: parsed.error.message });
    response.json({ splits: state.plannedSplits(parsed.data.from, parsed.data.to) });
  });
  app.post("/__admin/advance-day", (_request, response) => {
    state.advanceDay();
    response.json({ day: state.day, date: state.today });
  });
  app.post("/__admin/jquants-keys", (request, response) => {
    const parsed = keyBody.safeParse(request.body);
    if (!parsed.success) return void response.status(400).json({ error: parsed.error.message });
    if (parsed.data.plan === null) keys.delete(parsed.data.key);
    else keys.set(parsed.data.key, parsed.data.plan);
    response.json({ keys: keys.size });
  });
  app.post("/__admin/reset", (_request, response) => {
    state.reset();
    faults = faultsSchema.parse(options.faults ?? {});
    injector.reset();
    counter.reset();
    response.json({ day: state.day });
  });

  app.use(counter.middleware);
  app.use(injector.middleware);
  let xls: { day: number; file: Buffer } | undefined;
  app.get(JPX_LIST_PATH, (_request, response) => {
    if (xls?.day !== state.day) xls = { day: state.day, file: dataJXls(state.listings(), state.today) };
    response.type("application/vnd.ms-excel").send(xls.file);
  });
  const badBars = () => faults.badBars;
  app.use(chartRoutes(state, badBars));
  app.use(
    jquantsRoutes(state, {
      keys,
      blockMs: options.jquantsBlockMs ?? 5 * 60_000,
      secret: `sim-${options.seed}`,
      badBars,
    }),
  );
  return app;
}

/** A simulator listening on 127.0.0.1 (port 0: a free one), for tests and benchmarks. */
export async function startMarketSim(options: MarketSimOptions & { port?: number }) {
  const server = createServer(createMarketSim(options));
  const port = await listen(server, options.port ?? 0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const admin = async (path: string, body?: unknown) => {
    const response = await fetch(`${url}/__admin/${path}`, {
      method: body === undefined && path !== "advance-day" && path !== "reset" ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<unknown>;
  };
  return {
    url,
    port,
    yahooBaseUrl: url,
    jquantsBaseUrl: `${url}/v2`,
    jpxListUrl: `${url}${JPX_LIST_PATH}`,
    setFaults: (faults: Partial<Faults>) => admin("faults", faults),
    advanceDay: () => admin("advance-day"),
    setJQuantsKey: (key: string, plan: JQuantsPlan | null) => admin("jquants-keys", { key, plan }),
    requests: () => admin("requests") as Promise<Record<string, number>>,
    /** Per endpoint ("yahoo:/v8/finance/chart"), the User-Agent and Accept headers of its last request. */
    clientHeaders: () => admin("client-headers") as Promise<Record<string, ClientHeaders>>,
    plannedSplits: async (from: string, to: string) =>
      ((await admin(`splits?from=${from}&to=${to}`)) as { splits: { code: string; date: string; ratio: number }[] })
        .splits,
    close: () => {
      server.closeAllConnections();
      return closeServer(server);
    },
  };
}

export type MarketSim = Awaited<ReturnType<typeof startMarketSim>>;
