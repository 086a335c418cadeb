import type { BatchStatus, DetailStatus } from "@kabuto/contract";

export { BATCH_STATUSES, DETAIL_STATUSES, type BatchStatus, type DetailStatus } from "@kabuto/contract";

/** Named groups of states: the words every rule about batches is written in. */
export const BATCH_STATUS_GROUP = {
  /** Units may start: waiting for its first unit, or working. */
  active: ["queued", "running"],
  /** A person may stop it. */
  stoppable: ["queued", "running", "paused"],
  /** States a batch never leaves. */
  terminal: ["cancelled", "completed", "failed"],
} as const satisfies Record<string, readonly BatchStatus[]>;

/** What moves a batch from one state to another, and from which states it may. */
export const BATCH_TRANSITIONS = {
  /** Its first unit starts. */
  run: { from: ["queued"], to: "running" },
  /** Its last unit ends; a batch paused while its last units were in flight too, as nothing is left to resume. */
  complete: { from: [...BATCH_STATUS_GROUP.active, "paused"], to: "completed" },
  /** A person pauses it, or Kabuto does after a system error. */
  pause: { from: BATCH_STATUS_GROUP.active, to: "paused" },
  /** A person resumes a batch that had started. */
  resume: { from: ["paused"], to: "running" },
  /** A person resumes a batch none of whose units had started. */
  resumeUnstarted: { from: ["paused"], to: "queued" },
  /** A person stops it: units not started are cancelled, units in flight finish. */
  stop: { from: BATCH_STATUS_GROUP.stoppable, to: "cancel_requested" },
  /** Once nothing of a stopping batch is in flight. */
  cancel: { from: ["cancel_requested"], to: "cancelled" },
} as const satisfies Record<string, { from: readonly BatchStatus[]; to: BatchStatus }>;

export type BatchTransition = keyof typeof BATCH_TRANSITIONS;

/** Whether `status` belongs to `group`. */
export function isBatchStatusIn(status: BatchStatus, group: readonly BatchStatus[]): boolean {
  return group.includes(status);
}

/** Units (one symbol or date of a batch) that have not ended: waiting for a worker, or with one. */
export const OPEN_UNIT_STATUSES = ["pending", "processing"] as const satisfies readonly DetailStatus[];

/** A list of states as a SQL literal list, `('queued', 'running')`, for the SQL the rules are written in. */
export function sqlStatusList(statuses: readonly string[]): string {
  return `(${statuses.map((status) => `'${status}'`).join(", ")})`;
}
