import { readFileSync } from "node:fs";
import path from "node:path";

import express, { Router, type Request } from "express";

import { MASTER_SYNC_ROOM } from "@kabuto/core";
import { YAHOO_INTERVALS, YAHOO_RANGES } from "@kabuto/providers";

/**
 * The page and its assets stay in src/: tsc copies no HTML, CSS or browser JS to dist/. This file
 * runs from src/dashboard (jest) or dist/dashboard (node), both two levels below the app.
 */
const DASHBOARD_DIR = path.resolve(__dirname, "../../src/dashboard");
const ASSETS_DIR = path.join(DASHBOARD_DIR, "assets");
/** socket.io-client exports only its package.json and one dist file: find the ESM build beside them. */
const SOCKET_IO_CLIENT = "socket.io.esm.min.js";

/** The progress service's port when PROGRESS_PUBLIC_URL is not set (PROGRESS_PORT's default). */
const DEFAULT_PROGRESS_PORT = 3001;

export interface DashboardDeps {
  /** Set by PROGRESS_PUBLIC_URL; otherwise derived from the host name the browser used. */
  progressPublicUrl: string | undefined;
  /** Whether /api asks for X-API-KEY: the page then asks for the key before its first call. */
  apiKeyRequired: boolean;
}

/** The settings `/dashboard/config.json` gives the page. */
export interface DashboardConfig {
  progressUrl: string;
  apiKeyRequired: boolean;
  masterSyncRoom: string;
  intervals: readonly string[];
  periods: readonly string[];
}

function socketIoClientPath(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve("socket.io-client/package.json")), "dist", SOCKET_IO_CLIENT);
  } catch {
    return undefined;
  }
}

/** The progress service's URL as a browser on this request should reach it. */
export function progressUrlFor(request: Request, configured: string | undefined): string {
  if (configured) return configured;
  const host =
    request.hostname.includes(":") && !request.hostname.startsWith("[") ? `[${request.hostname}]` : request.hostname;
  return `${request.protocol}://${host}:${DEFAULT_PROGRESS_PORT}`;
}

/** The page's Content-Security-Policy: its own origin, plus the progress service for Socket.IO. */
export function dashboardCsp(progressUrl: string): string {
  const progress = new URL(progressUrl);
  const socketOrigin = `${progress.protocol === "https:" ? "wss:" : "ws:"}//${progress.host}`;
  return [
    "default-src 'self'",
    "base-uri 'self'",
    `connect-src 'self' ${progress.origin} ${socketOrigin}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The web dashboard at `/`: the page, its assets under `/assets`, and `/dashboard/config.json`.
 * All public; the page calls the `/api` routes with the key the user enters.
 */
export function dashboardRoutes(deps: DashboardDeps): Router {
  const router = Router();
  const page = readFileSync(path.join(DASHBOARD_DIR, "index.html"), "utf8");
  const socketIoClient = socketIoClientPath();

  router.get("/", (request, response) => {
    response
      .set("Content-Security-Policy", dashboardCsp(progressUrlFor(request, deps.progressPublicUrl)))
      .set("Cache-Control", "no-cache")
      .type("html")
      .send(page);
  });

  router.get("/dashboard/config.json", (request, response) => {
    const config: DashboardConfig = {
      progressUrl: progressUrlFor(request, deps.progressPublicUrl),
      apiKeyRequired: deps.apiKeyRequired,
      masterSyncRoom: MASTER_SYNC_ROOM,
      intervals: YAHOO_INTERVALS,
      periods: YAHOO_RANGES,
    };
    response.set("Cache-Control", "no-cache").json(config);
  });

  router.get(`/assets/${SOCKET_IO_CLIENT}`, (_request, response, next) => {
    if (!socketIoClient) return next();
    response.sendFile(socketIoClient);
  });

  router.use("/assets", express.static(ASSETS_DIR, { index: false, redirect: false }));
  return router;
}
