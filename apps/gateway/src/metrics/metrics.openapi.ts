import { metricsResponseSchema } from "@kabuto/contract";

import type { OpenApiRoute } from "../openapi/openapi-paths";

/** `GET /metrics` in the OpenAPI document. */
export const METRICS_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/metrics",
    summary: "Prometheus metrics",
    description:
      "Default process metrics, `http_requests_total` and `http_request_duration_seconds` by method, route pattern and status, and `kabuto_queue_jobs` by queue and BullMQ state.",
    tags: ["ops"],
    responses: {
      "200": {
        description: "Prometheus text exposition format",
        content: { "text/plain": { schema: metricsResponseSchema } },
      },
    },
  },
];
