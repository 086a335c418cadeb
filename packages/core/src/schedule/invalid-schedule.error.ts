/** A sync_schedules row that cannot be scheduled (malformed time or unknown timezone). */
export class InvalidScheduleError extends Error {
  override readonly name = "InvalidScheduleError";
}
