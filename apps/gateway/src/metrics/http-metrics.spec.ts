import express, { Router } from "express";
import request from "supertest";

import { ApiError } from "../http/api-error";
import { createHttpMetrics } from "./http-metrics";

function appWithMetrics() {
  const metrics = createHttpMetrics();
  const app = express();
  app.use(metrics.middleware);
  const feature = Router();
  feature.get("/jobs/:id", async (req, res) => {
    if (req.params.id === "missing") throw new ApiError("NOT_FOUND", "ない");
    res.json({ id: req.params.id });
  });
  const api = Router();
  api.use(feature);
  app.use("/api", api);
  app.use(((error: ApiError, _req, res, _next) => {
    res.status(error.status).json({});
  }) as express.ErrorRequestHandler);
  return { app, metrics };
}

describe("HTTP metrics", () => {
  it("labels requests with the full route pattern, also when the route throws, and unknown paths as unmatched", async () => {
    const { app, metrics } = appWithMetrics();
    await request(app).get("/api/jobs/1").expect(200);
    await request(app).get("/api/jobs/2").expect(200);
    await request(app).get("/api/jobs/missing").expect(404);
    await request(app).get("/api/nowhere").expect(404);

    const text = await metrics.registry.metrics();
    expect(text).toContain('http_requests_total{method="GET",route="/api/jobs/:id",status="200"} 2');
    expect(text).toContain('http_requests_total{method="GET",route="/api/jobs/:id",status="404"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/jobs\/:id",status="200"\} 2/);
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("gives every app a registry of its own", async () => {
    const first = appWithMetrics();
    const second = appWithMetrics();
    await request(first.app).get("/api/jobs/1").expect(200);
    expect(await second.metrics.registry.metrics()).not.toContain('route="/api/jobs/:id"');
  });
});
