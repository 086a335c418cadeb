import { Router } from "express";

import { priceScheduleBodySchema, type PriceScheduleBody } from "@kabuto/contract";
import { SCHEDULE_JOB } from "@kabuto/core";
import { syncScheduleRepository, type SyncSchedule } from "@kabuto/db";

import { ApiError } from "../http/api-error";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";
import { validate } from "../http/validate";
import { serializeSchedule } from "../master-sync/master-sync.serializer";
import { PRICE_SCHEDULE_OPENAPI } from "./price-schedule.openapi";

function serializePriceSchedule(schedule: SyncSchedule, now: Date): PriceScheduleBody {
  return { ...serializeSchedule(schedule, now), provider: schedule.provider };
}

/** The daily price update's schedule (19:00 on trading days by default): time, on/off and provider, live. */
export function priceScheduleRoutes(deps: Pick<FeatureContext, "db" | "onScheduleChanged">): Router {
  const router = Router();
  const schedules = syncScheduleRepository(deps.db.prisma);

  router.get("/v1/prices/schedule", async (_request, response) => {
    const schedule = await schedules.find(SCHEDULE_JOB.DAILY_PRICES);
    if (!schedule)
      throw new ApiError("NOT_FOUND", "株価更新のスケジュールがありません (npm run db:migrate を実行してください)");
    response.json({ success: true, schedule: serializePriceSchedule(schedule, new Date()) });
  });

  router.put("/v1/prices/schedule", async (request, response) => {
    const body = validate(priceScheduleBodySchema, request.body);
    const schedule = await schedules.update(SCHEDULE_JOB.DAILY_PRICES, {
      cronTime: body.time,
      enabled: body.enabled,
      provider: body.provider,
    });
    await deps.onScheduleChanged(SCHEDULE_JOB.DAILY_PRICES);
    response.json({ success: true, schedule: serializePriceSchedule(schedule, new Date()) });
  });

  return router;
}

/** `/api/v1/prices/schedule`. */
export const priceScheduleFeature: GatewayFeature = { routes: priceScheduleRoutes, openapi: PRICE_SCHEDULE_OPENAPI };
