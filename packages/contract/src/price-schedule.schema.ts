import { z } from "zod";

import { scheduleSchema, timeOfDaySchema } from "./master-sync.schema";
import { PRICE_PROVIDERS } from "./status.schema";

const provider = z.enum(PRICE_PROVIDERS, { message: `provider は ${PRICE_PROVIDERS.join(", ")} のいずれかです` });

/** `PUT /api/v1/prices/schedule`'s body: what is not given stays. */
export const priceScheduleBodySchema = z
  .strictObject({ time: timeOfDaySchema.optional(), enabled: z.boolean().optional(), provider: provider.optional() })
  .refine(
    (body) => body.time !== undefined || body.enabled !== undefined || body.provider !== undefined,
    "time, enabled, provider のいずれかを指定してください",
  );
/** A price schedule change as the gateway has validated it. */
export type PriceScheduleChange = z.output<typeof priceScheduleBodySchema>;

/** The daily price update's schedule. */
export const priceScheduleSchema = scheduleSchema
  .extend({
    provider: provider
      .nullable()
      .meta({ description: "where the update fetches from; null: the scheduler's DAILY_PRICES_PROVIDER" }),
  })
  .meta({ id: "PriceSchedule" });
/** The price schedule as returned. */
export type PriceScheduleBody = z.infer<typeof priceScheduleSchema>;

/** `GET|PUT /api/v1/prices/schedule`. */
export const priceScheduleResponseSchema = z.object({ success: z.literal(true), schedule: priceScheduleSchema });
