import { existsSync } from "node:fs";
import path from "node:path";

/** ../shared beside the clone: real files from the outside world, absent from a user's clone. */
export const SHARED_DIR = path.resolve(__dirname, "../../../../shared");

/** Path of a file under ../shared/fixtures. */
export function sharedFixture(relativePath: string): string {
  return path.join(SHARED_DIR, "fixtures", relativePath);
}

/** `describe` when ../shared/fixtures is there, otherwise a skipped `describe` that says why. */
export function describeWithSharedFixtures(name: string, body: () => void): void {
  if (existsSync(path.join(SHARED_DIR, "fixtures"))) {
    describe(name, body);
    return;
  }
  console.warn(`skipping "${name}": ${SHARED_DIR} is absent (only the project's own machines have it)`);
  describe.skip(`${name} (skipped: ../shared is absent)`, body);
}
