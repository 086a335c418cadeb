import { calendarQuerySchema, calendarResponseSchema } from "@kabuto/contract";

import { errorResponses, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The TSE trading calendar in the OpenAPI document. */
export const CALENDAR_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/calendar",
    summary:
      "The TSE's trading and closed days from `from` to `to` (both included, ten years at most): J-Quants' calendar, stored, when a key is configured, else Kabuto's rules",
    tags: ["calendar"],
    request: { query: calendarQuerySchema },
    responses: {
      "200": jsonResponse("the window's trading days and closed days", calendarResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
];
