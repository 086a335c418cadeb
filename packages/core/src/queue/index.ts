export * from "./queue-names";
export * from "./job-options";
export * from "./job-payloads";
export * from "./progress-event";
export * from "./schedule-changed";
export * from "./progress-channel";
export * from "./adaptive-rate";
export * from "./rate-gate";
