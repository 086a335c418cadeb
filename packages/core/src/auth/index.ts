export * from "./address-bucket";
export * from "./api-key";
export * from "./auth-failure-limiter";
export * from "./listen-env";
