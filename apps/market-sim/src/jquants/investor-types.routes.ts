import { Router } from "express";
import { z } from "zod";

import type { MarketState } from "../market-state";
import { hash, seededRandom } from "../random";
import { jquantsDate, jquantsError, paginationKey, shiftDays } from "./jquants-query";
import { page } from "./pagination";
import { clampToWindow, planWindow } from "./plan-window";
import type { JQuantsPlan } from "./plans";

export const INVESTOR_SECTIONS = ["TSEPrime", "TSEStandard", "TSEGrowth", "TokyoNagoya"] as const;
/** The investor categories inside 委託 (brokerage), in J-Quants' column order. */
const BROKERAGE_PARTS = ["Ind", "Frgn", "SecCo", "InvTr", "BusCo", "OthCo", "InsCo", "Bank", "TrstBnk", "OthFin"];
const SECTION_SCALE: Record<(typeof INVESTOR_SECTIONS)[number], number> = {
  TSEPrime: 20_000_000,
  TSEStandard: 1_000_000,
  TSEGrowth: 800_000,
  TokyoNagoya: 22_000_000,
};

const query = z.object({
  section: z.enum(INVESTOR_SECTIONS).optional(),
  from: jquantsDate.optional(),
  to: jquantsDate.optional(),
  pagination_key: paginationKey,
});

/** Sell, buy, their total and the balance (buy − sell) of one category, in thousands of yen. */
function sides(prefix: string, sell: number, buy: number): Record<string, number> {
  return { [`${prefix}Sell`]: sell, [`${prefix}Buy`]: buy, [`${prefix}Tot`]: sell + buy, [`${prefix}Bal`]: buy - sell };
}

/** One week of one section: proprietary + brokerage = total; brokerage = the sum of its categories. */
function weekRow(seed: number, section: (typeof INVESTOR_SECTIONS)[number], monday: string) {
  const random = seededRandom(hash("investor-types", seed, section, monday));
  const scale = SECTION_SCALE[section];
  const draw = (share: number) => Math.round(scale * share * (0.8 + random() * 0.4));
  const parts = BROKERAGE_PARTS.map((prefix, index) => {
    const share = index === 1 ? 0.6 : index === 0 ? 0.2 : 0.025;
    return { prefix, sell: draw(share), buy: draw(share) };
  });
  const brokerage = parts.reduce((sum, part) => ({ sell: sum.sell + part.sell, buy: sum.buy + part.buy }), {
    sell: 0,
    buy: 0,
  });
  const proprietary = { sell: draw(0.15), buy: draw(0.15) };
  return {
    PubDate: shiftDays(monday, 10),
    StDate: monday,
    EnDate: shiftDays(monday, 4),
    Section: section,
    ...sides("Prop", proprietary.sell, proprietary.buy),
    ...sides("Brk", brokerage.sell, brokerage.buy),
    ...sides("Tot", proprietary.sell + brokerage.sell, proprietary.buy + brokerage.buy),
    ...Object.assign({}, ...parts.map((part) => sides(part.prefix, part.sell, part.buy))),
  };
}

/**
 * `/v2/equities/investor-types`: weekly trading by type of investors (thousands of yen) per
 * section, published on the Thursday after the week; from/to select by publication date.
 */
export function investorTypesRoutes(state: MarketState): Router {
  const router = Router();
  router.get("/v2/equities/investor-types", (request, response) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return jquantsError(response, 400, "Invalid query parameters.");
    const window = planWindow(response.locals.plan as JQuantsPlan, state.today);
    const { from, to } = clampToWindow(window, state.today, parsed.data.from, parsed.data.to);
    const sections = parsed.data.section ? [parsed.data.section] : INVESTOR_SECTIONS;
    const rows = [];
    const firstMonday = mondayOnOrBefore(shiftDays(from, -10));
    for (let monday = firstMonday; shiftDays(monday, 10) <= to; monday = shiftDays(monday, 7)) {
      if (shiftDays(monday, 10) < from) continue;
      for (const section of sections) rows.push(weekRow(state.seed, section, monday));
    }
    response.json(page(rows, parsed.data.pagination_key));
  });
  return router;
}

function mondayOnOrBefore(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return shiftDays(date, -((weekday + 6) % 7));
}
