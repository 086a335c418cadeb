import { z } from "zod";

/** What `/health` says of a dependency that does not answer; the reason is only logged. */
export const HEALTH_CHECK_DOWN = "unreachable";

const healthCheckSchema = z.enum(["ok", HEALTH_CHECK_DOWN]);

/** `GET /health`: "ok", or "unreachable" for a dependency that does not answer. */
export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  checks: z
    .object({ database: healthCheckSchema, redis: healthCheckSchema })
    .meta({ description: '"ok", or "unreachable" when the dependency does not answer (the reason is in the log)' }),
});

/** `GET /dashboard/config.json`: the dashboard's settings. */
export const dashboardConfigSchema = z.object({
  progressUrl: z.string(),
  apiKeyRequired: z.boolean(),
  masterSyncRoom: z.string(),
  intervals: z.array(z.string()),
  periods: z.array(z.string()),
});
/** The dashboard's settings. */
export type DashboardConfig = z.infer<typeof dashboardConfigSchema>;

/** `GET /metrics`: Prometheus' text exposition format. */
export const metricsResponseSchema = z.string();

/** `GET /api/docs`: the OpenAPI 3.1 document of every route. */
export const openApiDocumentSchema = z
  .object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }).loose(),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .loose();
