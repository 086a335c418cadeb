export * from "./company-listing";
export * from "./price-bar";
export * from "./market-series";
