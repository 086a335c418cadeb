import { KabutoError } from "./kabuto.error";

/** A failure that may pass: timeouts, resets, 429 and 5xx answers. Retried with backoff. */
export class TemporaryError extends KabutoError {
  readonly errorClass = "temporary" as const;
}
