export * from "./shared-fixtures";
export * from "./spawn-app";
export * from "./test-database";
export * from "./test-env";
export * from "./test-logger";
export * from "./test-redis";
