import { PermanentError } from "@kabuto/core";

/** A listing that would deactivate a share of the active companies no real day of the exchange does. */
export class SuspiciousListingError extends PermanentError {
  constructor(
    readonly deactivated: number,
    readonly active: number,
  ) {
    const count = (value: number) => value.toLocaleString("en-US");
    super(
      `would deactivate ${count(deactivated)} of ${count(active)} active listings (${Math.round((deactivated / active) * 100)} %); ` +
        'refused as suspicious — force with {"force": true}',
    );
  }
}
