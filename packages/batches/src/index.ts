export * from "./batch-lifecycle";
export * from "./batch-not-found.error";
export * from "./batch-request.error";
export * from "./batch-transition.error";
export * from "./jquants-client-source";
export * from "./master-sync-request";
export * from "./price-sources";
export * from "./trading-calendar";
