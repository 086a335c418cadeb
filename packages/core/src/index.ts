export * from "./env";
export * from "./errors";
export * from "./listen";
export * from "./logger";
export * from "./queue";
export * from "./redis";
export * from "./run-main";
export * from "./shutdown";
