import { Router, type NextFunction, type Request, type Response } from "express";

import type { BadBar } from "../faults/bad-bars";
import type { MarketState } from "../market-state";
import { MARKETS, SCALES, SECTORS_17, SECTORS_33 } from "../universe/sectors";
import { barsDailyRoutes } from "./bars-daily.routes";
import { bulkRoutes } from "./bulk.routes";
import { indicesRoutes } from "./indices.routes";
import { investorTypesRoutes } from "./investor-types.routes";
import { jquantsCode } from "./jquants-query";
import { marketsCalendarRoutes } from "./markets-calendar.routes";
import { page } from "./pagination";
import { JQUANTS_PLAN_LIMITS, type JQuantsPlan } from "./plans";

const SECTOR_33_NAMES = new Map(SECTORS_33.map((sector) => [sector.code, sector.name]));
const MARGIN_NAMES = { "1": "信用", "2": "貸借", "3": "その他" } as const;

export interface JQuantsOptions {
  /** API key → plan. */
  keys: Map<string, JQuantsPlan>;
  /** How long a key that went far over its limit stays blocked. */
  blockMs: number;
  /** Signs bulk download URLs. */
  secret: string;
  /** The bad bars the daily bars answers inject (the bulk files do not). */
  badBars: () => readonly BadBar[];
}

/** J-Quants API v2 under /v2: `x-api-key`, per-plan limits, `{data, pagination_key}` pages. */
export function jquantsRoutes(state: MarketState, options: JQuantsOptions): Router {
  const router = Router();
  const windows = new Map<string, { start: number; count: number; blockedUntil: number }>();

  router.use("/v2", (request: Request, response: Response, next: NextFunction) => {
    const key = request.header("x-api-key");
    const plan = key === undefined ? undefined : options.keys.get(key);
    if (!key || !plan) {
      response.status(401).json({ message: "The incoming token is invalid or expired." });
      return;
    }
    const now = Date.now();
    const window = windows.get(key) ?? { start: now, count: 0, blockedUntil: 0 };
    if (now - window.start >= 60_000) Object.assign(window, { start: now, count: 0 });
    window.count += 1;
    windows.set(key, window);
    const limit = JQUANTS_PLAN_LIMITS[plan];
    if (window.count > limit * 2) window.blockedUntil = Math.max(window.blockedUntil, now + options.blockMs);
    if (window.blockedUntil > now || window.count > limit) {
      const retryAfter = Math.ceil((Math.max(window.blockedUntil, window.start + 60_000) - now) / 1000);
      response.status(429).set("Retry-After", String(retryAfter)).json({ message: "Rate limit exceeded" });
      return;
    }
    response.locals.plan = plan;
    next();
  });

  router.get("/v2/equities/master", (request, response) => {
    const code = typeof request.query.code === "string" ? request.query.code : undefined;
    const rows = state
      .listings()
      .filter((listing) => code === undefined || jquantsCode(listing.code) === code || listing.code === code)
      .map((listing) => ({
        Date: state.today,
        Code: jquantsCode(listing.code),
        CoName: listing.name,
        CoNameEn: listing.nameEnglish,
        S17: listing.sector17 === null ? "99" : String(listing.sector17),
        S17Nm: listing.sector17 === null ? "その他" : SECTORS_17[listing.sector17]!,
        S33: listing.sector33 === null ? "9999" : String(listing.sector33).padStart(4, "0"),
        S33Nm: listing.sector33 === null ? "その他" : SECTOR_33_NAMES.get(listing.sector33)!,
        ScaleCat: listing.scale === null ? "-" : SCALES[listing.scale]!,
        Mkt: MARKETS[listing.market].code,
        MktNm: MARKETS[listing.market].name,
        Mrgn: listing.margin,
        MrgnNm: MARGIN_NAMES[listing.margin],
      }));
    response.json(
      page(rows, typeof request.query.pagination_key === "string" ? request.query.pagination_key : undefined),
    );
  });

  router.use(marketsCalendarRoutes(state));
  router.use(barsDailyRoutes(state, options.badBars));
  router.use(indicesRoutes(state));
  router.use(investorTypesRoutes(state));
  router.use(bulkRoutes(state, options.secret));
  return router;
}
