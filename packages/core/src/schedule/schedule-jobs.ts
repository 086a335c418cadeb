/** The job names of sync_schedules rows (seeded by a migration). */
export const SCHEDULE_JOB = {
  MASTER_SYNC: "master_sync",
  DAILY_PRICES: "daily_prices",
} as const;
/** A scheduled job's name. */
export type ScheduleJobName = (typeof SCHEDULE_JOB)[keyof typeof SCHEDULE_JOB];

/** The time zone of every schedule Kabuto seeds: the exchange's. */
export const SCHEDULE_TIMEZONE = "Asia/Tokyo";
