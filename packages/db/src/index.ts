export * from "./client";
export * from "./master-sync/request-master-sync";
