import {
  scheduleBodySchema,
  scheduleResponseSchema,
  syncBodySchema,
  syncHistoryQuerySchema,
  syncStartResponseSchema,
  syncStatusResponseSchema,
} from "@kabuto/contract";

import { errorResponses, jsonRequestBody, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** The master sync and its daily schedule (seeds 001 and 002) in the OpenAPI document. */
export const MASTER_SYNC_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/companies/sync",
    summary: "Start a master sync, unless one is already queued or running",
    tags: ["master-sync"],
    request: { body: { required: false, content: { "application/json": { schema: syncBodySchema } } } },
    responses: {
      "202": jsonResponse("the queued run", syncStartResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "CONFLICT"),
    },
  },
  {
    method: "get",
    path: "/api/v1/companies/sync/status",
    summary: "The run in progress, the last finished one, and the latest runs",
    tags: ["master-sync"],
    request: { query: syncHistoryQuerySchema },
    responses: {
      "200": jsonResponse("the sync status", syncStatusResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/v1/companies/schedule",
    summary: "The daily master-sync schedule and its next run",
    tags: ["master-sync"],
    responses: { "200": jsonResponse("the schedule", scheduleResponseSchema), ...errorResponses("NOT_FOUND") },
  },
  {
    method: "put",
    path: "/api/v1/companies/schedule",
    summary: "Change the time (HH:MM, Asia/Tokyo) or switch the schedule on or off; schedulers apply it at once",
    tags: ["master-sync"],
    request: { body: jsonRequestBody(scheduleBodySchema) },
    responses: { "200": jsonResponse("the schedule", scheduleResponseSchema), ...errorResponses("VALIDATION_ERROR") },
  },
];
