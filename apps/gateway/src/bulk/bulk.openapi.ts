import {
  bulkActionResponseSchema,
  bulkJobResponseSchema,
  bulkJobsResponseSchema,
  bulkRetryResponseSchema,
  bulkStartBodySchema,
  bulkStartResponseSchema,
  bulkUpdateBodySchema,
  jobHistoryQuerySchema,
  jobParamsSchema,
  jobSymbolsQuerySchema,
  jobSymbolsResponseSchema,
} from "@kabuto/contract";

import { errorResponses, jsonRequestBody, jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

function jobAction(action: string, summary: string): OpenApiRoute {
  return {
    method: "post",
    path: `/api/bulk/${action}/{job_id}`,
    summary,
    tags: ["bulk"],
    request: { params: jobParamsSchema },
    responses: {
      "200": jsonResponse("the job", bulkActionResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND", "CONFLICT"),
    },
  };
}

/** The bulk fetch routes (seed 000's contract plus pause, resume and history) in the OpenAPI document. */
export const BULK_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "post",
    path: "/api/bulk/start",
    summary: "Start a bulk fetch of the given symbols, or of every active listing",
    tags: ["bulk"],
    request: { body: jsonRequestBody(bulkStartBodySchema) },
    responses: {
      "202": jsonResponse("accepted", bulkStartResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "post",
    path: "/api/bulk/update",
    summary:
      "Start the daily update now (the 19:00 batch): every active listing, only what is missing since the last stored bar — Yahoo each symbol from its last bar on (one request each), J-Quants the missing trading dates of the market and TOPIX; five days where nothing is stored",
    tags: ["bulk"],
    request: { body: jsonRequestBody(bulkUpdateBodySchema) },
    responses: {
      "202": jsonResponse("accepted", bulkStartResponseSchema),
      ...errorResponses("VALIDATION_ERROR"),
    },
  },
  {
    method: "get",
    path: "/api/bulk/status/{job_id}",
    summary: "A job's progress, and its summary once ended",
    tags: ["bulk"],
    request: { params: jobParamsSchema },
    responses: {
      "200": jsonResponse("the job", bulkJobResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
    },
  },
  jobAction("stop", "Cancel a job: cancel_requested, then cancelled"),
  jobAction("pause", "Pause a job: its waiting symbols leave the queue"),
  jobAction("resume", "Resume a paused job with exactly the symbols still pending"),
  {
    method: "post",
    path: "/api/bulk/retry/{job_id}",
    summary: "Start a new job of an ended job's failed symbols (or dates), with its provider, interval and period",
    tags: ["bulk"],
    request: { params: jobParamsSchema },
    responses: {
      "202": jsonResponse("accepted", bulkRetryResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND", "CONFLICT"),
    },
  },
  {
    method: "get",
    path: "/api/bulk/jobs",
    summary: "Job history, newest first",
    tags: ["bulk"],
    request: { query: jobHistoryQuerySchema },
    responses: { "200": jsonResponse("a page of jobs", bulkJobsResponseSchema), ...errorResponses("VALIDATION_ERROR") },
  },
  {
    method: "get",
    path: "/api/bulk/jobs/{job_id}/symbols",
    summary: "A job's outcome per symbol (or per trading date)",
    tags: ["bulk"],
    request: { params: jobParamsSchema, query: jobSymbolsQuerySchema },
    responses: {
      "200": jsonResponse("a page of units", jobSymbolsResponseSchema),
      ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
    },
  },
];
