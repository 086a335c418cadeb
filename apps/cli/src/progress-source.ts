import type { ProgressSnapshot } from "./progress-snapshot";

/** What a source says next: a snapshot, nothing for a while, or that it is gone. */
export type SourceUpdate = { kind: "snapshot"; snapshot: ProgressSnapshot } | { kind: "idle" } | { kind: "lost" };

/** Updates of one job, pulled one at a time. */
export interface ProgressSource {
  readonly name: "socket" | "polling";
  next(): Promise<SourceUpdate>;
  close(): void;
}
