import { Router } from "express";
import { z } from "zod";

import { seriesWithBadBars, withBadBars, type BadBar } from "../faults/bad-bars";
import type { MarketState } from "../market-state";
import { dailyBarRow } from "./daily-bar-row";
import { jpxCode, jquantsDate, jquantsError, paginationKey } from "./jquants-query";
import { page } from "./pagination";
import { clampToWindow, outsideWindowMessage, planWindow } from "./plan-window";
import type { JQuantsPlan } from "./plans";

const query = z.object({
  code: z
    .string()
    .regex(/^[0-9][0-9A-Z]{3}[0-9]?$/)
    .optional(),
  date: jquantsDate.optional(),
  from: jquantsDate.optional(),
  to: jquantsDate.optional(),
  pagination_key: paginationKey,
});

/**
 * `/v2/equities/bars/daily`: one code (all of its history in the plan's window, or from/to), or
 * one date for the whole market, in pages. Delisted codes keep their history up to their last day.
 */
export function barsDailyRoutes(state: MarketState, badBars: () => readonly BadBar[]): Router {
  const router = Router();
  router.get("/v2/equities/bars/daily", (request, response) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return jquantsError(response, 400, "Invalid query parameters.");
    const { code, date, from, to, pagination_key: key } = parsed.data;
    if (code === undefined && date === undefined) {
      return jquantsError(response, 400, "This API requires at least 1 parameter as follows; 'date','code'.");
    }
    const window = planWindow(response.locals.plan as JQuantsPlan, state.today);
    // Dates after today are not an error, just empty; the subscription bounds what is past.
    const outside = (day: string) => day < window.from || (day > window.to && day <= state.today);
    if ((date !== undefined && outside(date)) || (from !== undefined && outside(from))) {
      return jquantsError(response, 400, outsideWindowMessage(window));
    }
    if (code === undefined) {
      const rows = state
        .barsOn(date!)
        .sort((a, b) => (a.listing.code < b.listing.code ? -1 : 1))
        .flatMap(({ listing, bar }) => {
          const served = withBadBars(listing.code, bar, badBars());
          return served ? [dailyBarRow(state, listing, served)] : [];
        });
      return void response.json(page(rows, key));
    }
    const listing = state.everListed(jpxCode(code, (candidate) => state.everListed(candidate) !== undefined));
    if (!listing) return void response.json({ data: [] });
    const range = clampToWindow(window, state.today, date ?? from, date ?? to);
    const rows = seriesWithBadBars(listing.code, state.bars(listing, range.from, range.to), badBars()).map((bar) =>
      dailyBarRow(state, listing, bar),
    );
    response.json(page(rows, key));
  });
  return router;
}
