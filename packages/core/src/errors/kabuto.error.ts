/** How a failure should be handled: retried, recorded and skipped, or escalated to the batch. */
export type ErrorClass = "temporary" | "permanent" | "system";

/** Base of every domain error Kabuto raises on purpose. */
export abstract class KabutoError extends Error {
  abstract readonly errorClass: ErrorClass;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
