export * from "./kabuto.error";
export * from "./temporary.error";
export * from "./upstream-rate-limit.error";
export * from "./permanent.error";
export * from "./system.error";
export * from "./config.error";
export * from "./quote-input";
