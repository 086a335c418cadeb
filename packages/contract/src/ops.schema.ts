import { z } from "zod";

/** `GET /health`: "ok", or why a dependency does not answer. */
export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  checks: z
    .object({ database: z.string(), redis: z.string() })
    .meta({ description: '"ok", or why the dependency does not answer' }),
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
