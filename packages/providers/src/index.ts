export * from "./listing/company-listing";
export * from "./listing/markets";
export * from "./listing/normalise";
export * from "./jpx/jpx-listing.parser";
