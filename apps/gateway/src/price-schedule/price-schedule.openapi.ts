import { priceScheduleBodySchema, priceScheduleResponseSchema } from "@kabuto/contract";

import { errorResponses, jsonRequestBody, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The daily price update's schedule in the OpenAPI document. */
export const PRICE_SCHEDULE_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/prices/schedule",
    summary: "The daily price update's schedule (trading days only), its provider and next run",
    tags: ["prices"],
    responses: { "200": jsonResponse("the schedule", priceScheduleResponseSchema), ...errorResponses("NOT_FOUND") },
  },
  {
    method: "put",
    path: "/api/v1/prices/schedule",
    summary:
      "Change the time (HH:MM, Asia/Tokyo), switch it on or off, or pick its provider; schedulers apply it at once",
    tags: ["prices"],
    request: { body: jsonRequestBody(priceScheduleBodySchema) },
    responses: {
      "200": jsonResponse("the schedule", priceScheduleResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
];
