import { Router } from "express";

import { createTradingCalendar, optionalJQuantsClientSource } from "@kabuto/batches";
import { calendarQuerySchema, type CalendarResponse } from "@kabuto/contract";

import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { CALENDAR_OPENAPI } from "./calendar.openapi";

/** `GET /v1/calendar?from&to`: the TSE's trading days, from stored J-Quants data or the rules. */
export function calendarRoutes(deps: Pick<FeatureContext, "db" | "config" | "redis" | "logger">): Router {
  const router = Router();
  const calendar = createTradingCalendar({
    pool: deps.db.pool,
    jquants: optionalJQuantsClientSource({
      prisma: deps.db.prisma,
      jquantsBaseUrl: deps.config.upstream.jquantsBaseUrl,
      timeoutMs: deps.config.upstream.timeoutMs,
      encryptionKey: deps.config.encryptionKey,
      // the fleet's J-Quants gate: a calendar request never pushes the workers into a 429
      gate: { redis: deps.redis, prefix: deps.config.queuePrefix },
    }),
    logger: deps.logger,
  });

  router.get("/v1/calendar", async (request, response) => {
    const { from, to } = validate(calendarQuerySchema, request.query);
    const window = await calendar.window(from, to);
    const body: CalendarResponse = {
      success: true,
      from,
      to,
      source: window.source,
      trading_days: window.days.filter((day) => day.isTradingDay).map((day) => day.date),
      closed_days: window.days.filter((day) => !day.isTradingDay).map((day) => day.date),
    };
    response.json(body);
  });
  return router;
}

/** `/api/v1/calendar`. */
export const calendarFeature: GatewayFeature = { routes: calendarRoutes, openapi: CALENDAR_OPENAPI };
