export * from "./job-handler";
export * from "./job-workers";
export * from "./open-queue";
export * from "./queue-outcome";
export * from "./queue.repository";
export * from "./job-metrics";
