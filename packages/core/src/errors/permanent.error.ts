import { KabutoError } from "./kabuto.error";

/** A failure that will not pass by retrying: unknown symbol, 404, malformed data. Recorded and skipped. */
export class PermanentError extends KabutoError {
  readonly errorClass = "permanent" as const;
}
