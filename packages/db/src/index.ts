export * from "./batches/batch-progress";
export * from "./batches/batch.repository";
export * from "./client";
export * from "./companies/company-listing.repository";
export * from "./data-sources/data-source.repository";
export * from "./database-unavailable";
export * from "./master-sync/request-master-sync";
export * from "./prices/price-bar.repository";
