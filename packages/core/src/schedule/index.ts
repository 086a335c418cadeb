export * from "./invalid-schedule.error";
export * from "./schedule-jobs";
export * from "./time-of-day";
