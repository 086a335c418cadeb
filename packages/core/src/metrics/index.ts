export * from "./fleet-metrics";
export * from "./metric-names";
export * from "./metrics-registry";
export * from "./metrics-server";
export * from "./upstream-observer";
