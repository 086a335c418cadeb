import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Router } from "express";
import helmet from "helmet";

import { createAuthFailureLimiter } from "@kabuto/core";

import { apiKeyMiddleware } from "../http/api-key.middleware";
import type { FeatureContext, GatewayFeature } from "../http/gateway-feature";

/** Where Bull Board is served. */
export const QUEUE_BOARD_PATH = "/admin/queues";

/**
 * Bull Board at `/admin/queues`: every queue, its jobs and BullMQ's own metrics, behind the same API
 * key as `/api` (as `X-API-KEY`, or a browser's Basic auth password). Read-only: a batch's counters
 * live in PostgreSQL, and a job retried, promoted or removed from the board would bypass them.
 * Bull Board's UI and API are its own, not Kabuto's REST contract, so they are not in the OpenAPI
 * document.
 */
export function queueBoardRoutes(deps: Pick<FeatureContext, "config" | "redis" | "queues">): Router {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: deps.queues.all().map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Kabuto queues" } },
  });
  const { auth, queuePrefix: prefix } = deps.config;
  const router = Router();
  router.use(
    QUEUE_BOARD_PATH,
    // The board's page links Google Fonts: keep the browser on this origin (it falls back to its own fonts).
    helmet.contentSecurityPolicy({
      directives: { "style-src": ["'self'", "'unsafe-inline'"], "font-src": ["'self'"] },
    }),
    apiKeyMiddleware(auth.apiKey, createAuthFailureLimiter(deps.redis, { limit: auth.failuresPerMinute, prefix }), {
      browser: true,
    }),
    serverAdapter.getRouter() as Router,
  );
  return router;
}

/** `/admin/queues`. */
export const queueBoardFeature: GatewayFeature = { routes: queueBoardRoutes, openapi: [] };
