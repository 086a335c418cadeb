import {
  errorResponses,
  jsonRequestBody,
  jsonResponse,
  type JsonSchema,
  type OpenApiOperation,
  type OpenApiParameter,
  type OpenApiPaths,
} from "../openapi/openapi-paths";
import { bulkStartSchema } from "./bulk-request.schema";

const JOB_ID: OpenApiParameter = {
  name: "job_id",
  in: "path",
  required: true,
  schema: { type: "string", maxLength: 64 },
};
const PAGE: OpenApiParameter[] = [
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
  { name: "offset", in: "query", required: false, schema: { type: "integer", minimum: 0, default: 0 } },
];
const STATUSES = ["queued", "running", "paused", "cancel_requested", "cancelled", "completed", "failed"];
const SYMBOL_STATUSES = ["pending", "processing", "completed", "failed", "cancelled"];

const COUNT = { type: "integer", minimum: 0 };
const JOB: JsonSchema = {
  type: "object",
  required: ["id", "status", "progress", "created_at", "updated_at"],
  properties: {
    id: { type: "string" },
    status: { enum: STATUSES },
    provider: { type: "string" },
    interval: { type: "string" },
    period: { type: "string" },
    unit: { type: "string" },
    progress: {
      type: "object",
      properties: {
        total: COUNT,
        processed: COUNT,
        successful: COUNT,
        failed: COUNT,
        progress_percentage: { type: "number" },
      },
    },
    summary: {
      type: "object",
      description: "once the job has ended",
      properties: {
        total_symbols: COUNT,
        successful: COUNT,
        failed: COUNT,
        records: COUNT,
        duration_seconds: { type: "number" },
        failures_by_class: { type: "object", additionalProperties: COUNT },
      },
    },
    error: { type: "string" },
    created_at: { type: "number", description: "seconds since the epoch" },
    updated_at: { type: "number", description: "seconds since the epoch" },
  },
};
const JOB_BODY: JsonSchema = {
  type: "object",
  properties: { success: { const: true }, message: { type: "string" }, job: JOB },
};

function jobAction(summary: string): OpenApiOperation {
  return {
    summary,
    tags: ["bulk"],
    parameters: [JOB_ID],
    responses: { "200": jsonResponse("the job", JOB_BODY), ...errorResponses("NOT_FOUND", "CONFLICT") },
  };
}

/** The bulk fetch routes (seed 000's contract plus pause, resume and history) in the OpenAPI document. */
export const BULK_PATHS: OpenApiPaths = {
  "/api/bulk/start": {
    post: {
      summary: "Start a bulk fetch of the given symbols, or of every active listing",
      tags: ["bulk"],
      requestBody: jsonRequestBody(bulkStartSchema),
      responses: {
        "202": jsonResponse("accepted", {
          type: "object",
          properties: { success: { const: true }, job_id: { type: "string" }, status: { const: "accepted" } },
        }),
        ...errorResponses("VALIDATION_ERROR"),
      },
    },
  },
  "/api/bulk/status/{job_id}": {
    get: {
      summary: "A job's progress, and its summary once ended",
      tags: ["bulk"],
      parameters: [JOB_ID],
      responses: { "200": jsonResponse("the job", JOB_BODY), ...errorResponses("NOT_FOUND") },
    },
  },
  "/api/bulk/stop/{job_id}": { post: jobAction("Cancel a job: cancel_requested, then cancelled") },
  "/api/bulk/pause/{job_id}": { post: jobAction("Pause a job: its waiting symbols leave the queue") },
  "/api/bulk/resume/{job_id}": { post: jobAction("Resume a paused job with exactly the symbols still pending") },
  "/api/bulk/jobs": {
    get: {
      summary: "Job history, newest first",
      tags: ["bulk"],
      parameters: PAGE,
      responses: {
        "200": jsonResponse("a page of jobs", {
          type: "object",
          properties: {
            success: { const: true },
            jobs: { type: "array", items: JOB },
            total: COUNT,
            limit: COUNT,
            offset: COUNT,
          },
        }),
        ...errorResponses("VALIDATION_ERROR"),
      },
    },
  },
  "/api/bulk/jobs/{job_id}/symbols": {
    get: {
      summary: "A job's outcome per symbol",
      tags: ["bulk"],
      parameters: [
        JOB_ID,
        { name: "status", in: "query", required: false, schema: { enum: SYMBOL_STATUSES } },
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 10_000, default: 1000 },
        },
        { name: "offset", in: "query", required: false, schema: { type: "integer", minimum: 0, default: 0 } },
      ],
      responses: {
        "200": jsonResponse("a page of symbols", { type: "object" }),
        ...errorResponses("VALIDATION_ERROR", "NOT_FOUND"),
      },
    },
  },
};
