export * from "./market-sim";
