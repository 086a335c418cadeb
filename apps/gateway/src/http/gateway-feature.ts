import type { Router } from "express";
import type { Registry } from "prom-client";

import type { SecretBox } from "@kabuto/core";

import type { GatewayDeps } from "../app";
import type { BulkService } from "../bulk/bulk.service";
import type { OpenApiDocument } from "../openapi/openapi-document";
import type { OpenApiRoute } from "../openapi/openapi-paths";

/** What `createApp()` hands every feature's routes. */
export interface FeatureContext extends GatewayDeps {
  metrics: Registry;
  bulk: BulkService;
  /** Undefined when ENCRYPTION_KEY is not set: keys cannot be stored then. */
  secretBox: SecretBox | undefined;
  openApiDocument: OpenApiDocument;
}

/**
 * One feature folder's routes and their OpenAPI operations, registered together by `createApp()`:
 * a route cannot be served without being documented, nor documented without being served.
 */
export interface GatewayFeature {
  routes(context: FeatureContext): Router;
  /** Operations with their full paths (`/api/bulk/status/{job_id}`). */
  openapi: readonly OpenApiRoute[];
}
