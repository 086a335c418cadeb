import { KabutoError } from "./kabuto.error";

/** Kabuto itself cannot go on (database unreachable, out of memory): the batch pauses with this reason. */
export class SystemError extends KabutoError {
  readonly errorClass = "system" as const;
}
