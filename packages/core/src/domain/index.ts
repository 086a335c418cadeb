export * from "./company-listing";
export * from "./price-bar";
