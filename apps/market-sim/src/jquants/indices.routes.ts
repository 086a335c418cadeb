import { Router } from "express";
import { z } from "zod";

import type { MarketState } from "../market-state";
import { topixSeries, type IndexBar } from "../prices/topix";
import { jquantsDate, jquantsError, paginationKey } from "./jquants-query";
import { page } from "./pagination";
import { clampToWindow, planWindow } from "./plan-window";
import type { JQuantsPlan } from "./plans";

const query = z.object({ from: jquantsDate.optional(), to: jquantsDate.optional(), pagination_key: paginationKey });

/** `/v2/indices/bars/daily/topix`: TOPIX's daily OHLC within the plan's window (or from/to). */
export function indicesRoutes(state: MarketState): Router {
  const router = Router();
  let topix: IndexBar[] | undefined;
  router.get("/v2/indices/bars/daily/topix", (request, response) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return jquantsError(response, 400, "Invalid query parameters.");
    topix ??= topixSeries(state.seed, state.calendar);
    const window = planWindow(response.locals.plan as JQuantsPlan, state.today);
    const { from, to } = clampToWindow(window, state.today, parsed.data.from, parsed.data.to);
    const rows = topix
      .filter((bar) => bar.date >= from && bar.date <= to)
      .map((bar) => ({ Date: bar.date, O: bar.open, H: bar.high, L: bar.low, C: bar.close }));
    response.json(page(rows, parsed.data.pagination_key));
  });
  return router;
}
