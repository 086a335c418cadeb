export * from "./batches/batch-progress";
export * from "./batches/batch.repository";
export * from "./client";
export * from "./companies/company-listing.repository";
export * from "./companies/listed-symbols";
export * from "./data-sources/data-source.repository";
export * from "./database-unavailable";
export * from "./prices/price-bar.repository";
