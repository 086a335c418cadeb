import { dashboardConfigSchema } from "@kabuto/contract";

import { jsonResponse, type OpenApiRoute } from "../openapi/openapi-paths";

/** Where the page imports the status labels from. */
export const STATUS_LABELS_MODULE = "/assets/status-labels.js";

const javascript = (description: string) => ({
  description,
  content: { "text/javascript": { schema: { type: "string" as const } } },
});

/** The dashboard's routes in the OpenAPI document (its static assets are files, not routes). */
export const DASHBOARD_OPENAPI: readonly OpenApiRoute[] = [
  {
    method: "get",
    path: "/",
    summary: "The web dashboard",
    tags: ["dashboard"],
    responses: { "200": { description: "the page", content: { "text/html": { schema: { type: "string" } } } } },
  },
  {
    method: "get",
    path: "/dashboard/config.json",
    summary: "The dashboard's settings: progress service URL, whether a key is needed, choices",
    tags: ["dashboard"],
    responses: { "200": jsonResponse("the settings", dashboardConfigSchema) },
  },
  {
    method: "get",
    path: STATUS_LABELS_MODULE,
    summary: "The status labels of @kabuto/contract as an ES module",
    tags: ["dashboard"],
    responses: { "200": javascript("`export const STATUS_LABELS = {…}`") },
  },
  {
    method: "get",
    path: "/assets/socket.io.esm.min.js",
    summary: "The Socket.IO client the page loads for live progress",
    tags: ["dashboard"],
    responses: { "200": javascript("socket.io-client's ESM build"), "404": { description: "not installed" } },
  },
];
